package org.meterguard.greenbutton;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** What the metadata pass learns about one Atom entry: its links and the ESPI resource its content holds. */
final class Entry {
    enum Resource {
        NONE(""),
        USAGE_POINT("UsagePoint"),
        METER_READING("MeterReading"),
        READING_TYPE("ReadingType"),
        LOCAL_TIME_PARAMETERS("LocalTimeParameters"),
        INTERVAL_BLOCK("IntervalBlock"),
        OTHER("");

        /** The ESPI element name. */
        final String element;

        Resource(String element) {
            this.element = element;
        }
    }

    final int index;
    final int line;
    String self = "";
    String up = "";
    int upLine;
    final List<String> related = new ArrayList<>(4);
    String atomId = "";
    Resource resource = Resource.NONE;
    int resourceLine;
    int blocks;
    OptionalInt serviceKind = OptionalInt.empty();
    ReadingType readingType;
    LocalTimeParameters localTimeParameters;

    Entry(int index, int line) {
        this.index = index;
        this.line = line;
    }

    /** The line to name for a problem with this entry's {@code up} link. */
    int upLineOrEntry() {
        return up.isEmpty() ? line : upLine;
    }
}
