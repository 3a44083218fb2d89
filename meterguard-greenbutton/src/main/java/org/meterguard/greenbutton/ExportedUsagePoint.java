package org.meterguard.greenbutton;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.meterguard.core.TimeRange;

/**
 * A usage point (service point) as it is exported: what to call it, the zone its local days and daylight-saving rules
 * come from, the span of the export, and the periods to summarise.
 *
 * @param title the Atom title; name the service, never the customer or the address
 * @param zone the local time zone of the meter(s), for LocalTimeParameters, interval blocks per local day and local
 *     times in CSV
 * @param range the exported span; readings outside it are not expected, interval blocks are cut to it
 * @param summaryPeriods the periods for which a UsageSummary of delivered energy is written, each only if the export
 *     holds every interval of it (sorted, non-overlapping, within {@code range})
 * @param localTimeAt the instant whose zone rules LocalTimeParameters state (e.g. the end of the range)
 */
public record ExportedUsagePoint(
        String title, ZoneId zone, TimeRange range, List<TimeRange> summaryPeriods, Instant localTimeAt) {
    public ExportedUsagePoint {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(localTimeAt, "localTimeAt");
        summaryPeriods = List.copyOf(summaryPeriods);
        for (int i = 0; i < summaryPeriods.size(); i++) {
            TimeRange period = summaryPeriods.get(i);
            if (period.from().isBefore(range.from()) || period.to().isAfter(range.to())) {
                throw new IllegalArgumentException("summary period " + period + " lies outside the export " + range);
            }
            if (i > 0 && period.from().isBefore(summaryPeriods.get(i - 1).to())) {
                throw new IllegalArgumentException("summary periods overlap or are out of order at " + period);
            }
        }
    }

    /** A usage point with no summaries, LocalTimeParameters as of the end of {@code range}. */
    public static ExportedUsagePoint of(String title, ZoneId zone, TimeRange range) {
        return new ExportedUsagePoint(title, zone, range, List.of(), range.to());
    }
}
