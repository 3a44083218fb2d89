package org.meterguard.server.readings;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.meterguard.core.MeterId;

/**
 * Stored day rows that a write may have changed, published by {@link ReadingStore} once the transaction that wrote
 * them has ended (committed or not), so that whatever is derived from the rows (e.g. the portal's daily totals) can be
 * recomputed. {@code wholesale} when rows were removed wholesale (retention dropping a month), and then {@code days}
 * is empty.
 *
 * @param days the meters and UTC days written, in no order, possibly repeated
 * @param wholesale whether any stored day may have changed
 */
public record DaysChanged(List<MeterDay> days, boolean wholesale) {
    public DaysChanged {
        days = List.copyOf(days);
    }

    /** Any stored day may have changed. */
    public static DaysChanged everything() {
        return new DaysChanged(List.of(), true);
    }

    /** One meter's UTC day. */
    public record MeterDay(MeterId meterId, LocalDate day) {
        public MeterDay {
            Objects.requireNonNull(meterId, "meterId");
            Objects.requireNonNull(day, "day");
        }
    }
}
