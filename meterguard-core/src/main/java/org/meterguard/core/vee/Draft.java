package org.meterguard.core.vee;

import org.meterguard.core.ReadingQuality;

/** A working copy of a series' slots, changed in place while one VEE step runs and then frozen again. */
final class Draft {
    private final IntervalSeries base;
    private final long[] values;
    private final boolean[] present;
    private final ReadingQuality[] qualities;

    Draft(IntervalSeries base) {
        this.base = base;
        this.values = base.valuesCopy();
        this.present = base.presentCopy();
        this.qualities = base.qualitiesCopy();
    }

    boolean isPresent(int index) {
        return present[index];
    }

    long value(int index) {
        return values[index];
    }

    ReadingQuality quality(int index) {
        return qualities[index];
    }

    void set(int index, long value, ReadingQuality quality) {
        values[index] = value;
        present[index] = true;
        qualities[index] = quality;
    }

    void requalify(int index, ReadingQuality quality) {
        qualities[index] = quality;
    }

    IntervalSeries toSeries() {
        return base.withSlots(values, present, qualities);
    }
}
