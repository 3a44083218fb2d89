package org.meterguard.server.aggregates;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.meterguard.core.Channel;

/**
 * What an aggregate release covers.
 *
 * @param channel the channel summed (e.g. import energy)
 * @param firstDay the first UTC day
 * @param lastDay the last UTC day (inclusive), at most 366 days after the first
 * @param areaKind feeders or zones
 * @param periodKind per day, or the whole span
 * @param withTotals whether per class and period totals over all areas are released too
 * @param neighbourOrder the areas' neighbour order for merging (names without the kind); empty for name order
 */
public record AggregateRequest(
        Channel channel,
        LocalDate firstDay,
        LocalDate lastDay,
        AreaKind areaKind,
        PeriodKind periodKind,
        boolean withTotals,
        List<String> neighbourOrder) {
    public AggregateRequest {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        Objects.requireNonNull(areaKind, "areaKind");
        Objects.requireNonNull(periodKind, "periodKind");
        neighbourOrder = neighbourOrder == null ? List.of() : List.copyOf(neighbourOrder);
        if (lastDay.isBefore(firstDay) || lastDay.isAfter(firstDay.plusDays(366))) {
            throw new IllegalArgumentException(
                    "days " + firstDay + " to " + lastDay + " must be in order and at most 366 days apart");
        }
    }

    /** The request as one line, recorded with the release so that it can be repeated. */
    public String describe() {
        return "channel=" + channel + " days=" + firstDay + "/" + lastDay + " area=" + areaKind + " period="
                + periodKind + " totals=" + withTotals + " neighbours=" + String.join(",", neighbourOrder);
    }
}
