package org.meterguard.core.rates;

/**
 * The season-period of every slot of one UTC day, for one schedule, zone and grid: a byte per slot (an index into
 * {@link TouSchedule#seasonPeriods()}), and the same as runs of consecutive slots with one season-period, which
 * is what the determinants loop walks. Immutable; shared by every meter of the zone.
 *
 * <pre>
 *   slot:         0 .. 31 | 32 .. 63 | 64 .. 83 | 84 .. 95      (a UTC day in America/Los_Angeles, PDT)
 *   run:          0       | 1        | 2        | 3
 *   runStart:     0         32         64         84        96   (one more entry than runs: the end)
 *   runPeriod:    off-peak  off-peak'  on-peak    off-peak       (' = the next local date, maybe a weekend)
 * </pre>
 */
final class SlotPeriods {
    private final byte[] bySlot;
    private final int[] runStart;
    private final byte[] runPeriod;

    SlotPeriods(byte[] bySlot) {
        this.bySlot = bySlot.clone();
        int runs = 1;
        for (int slot = 1; slot < bySlot.length; slot++) {
            runs += bySlot[slot] != bySlot[slot - 1] ? 1 : 0;
        }
        runStart = new int[runs + 1];
        runPeriod = new byte[runs];
        int run = 0;
        for (int slot = 0; slot < bySlot.length; slot++) {
            if (slot == 0 || bySlot[slot] != bySlot[slot - 1]) {
                runStart[run] = slot;
                runPeriod[run++] = bySlot[slot];
            }
        }
        runStart[runs] = bySlot.length;
    }

    /** The season-period index of {@code slot}. */
    int at(int slot) {
        return bySlot[slot];
    }

    int runs() {
        return runPeriod.length;
    }

    /** The first slot of run {@code run}; {@code runStart(runs())} is the number of slots. */
    int runStart(int run) {
        return runStart[run];
    }

    int runPeriod(int run) {
        return runPeriod[run];
    }
}
