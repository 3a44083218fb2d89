package org.meterguard.server.greenbutton;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.meterguard.core.TimeRange;

/**
 * The local calendar months lying wholly within given spans: the periods a download summarises. Meterguard keeps no
 * bill cycles yet, so a month is the honest period it can state; each is summarised only if its data is complete.
 */
final class CalendarMonths {
    private CalendarMonths() {}

    /** The months of {@code zone} wholly within one of {@code spans} (sorted, disjoint), in order. */
    static List<TimeRange> within(List<TimeRange> spans, ZoneId zone) {
        List<TimeRange> months = new ArrayList<>();
        for (TimeRange span : spans) {
            LocalDate month = span.from().atZone(zone).toLocalDate().withDayOfMonth(1);
            while (true) {
                TimeRange whole = new TimeRange(
                        month.atStartOfDay(zone).toInstant(),
                        month.plusMonths(1).atStartOfDay(zone).toInstant());
                if (whole.from().isAfter(span.to()) || whole.to().isAfter(span.to())) {
                    break;
                }
                if (!whole.from().isBefore(span.from())) {
                    months.add(whole);
                }
                month = month.plusMonths(1);
            }
        }
        return months;
    }
}
