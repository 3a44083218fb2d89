package org.meterguard.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meterguard.core.MeterId;
import org.meterguard.core.TimeRange;
import org.meterguard.server.readings.DaysChanged;

/**
 * The kept daily totals' bookkeeping, with a reader that produces one Wh per hour of its span (the store's part is
 * {@code DailyTotalsIT}'s): what is read is answered, kept unless a write to the same meter ended while it was read,
 * and read again, only the days a write may have reached, before it is next used.
 */
class DailyTotalsTest {
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final MeterId METER = MeterId.of("MG-TOTALS-1");
    private static final MeterId OTHER = MeterId.of("MG-TOTALS-2");

    /** One import interval of 1 Wh at the start of every hour of the span read; runs {@code during} mid-read. */
    private static final class HourlyReader extends MeterUsageReader {
        Runnable during = () -> {};
        int reads;
        final List<TimeRange> spans = new ArrayList<>();
        final List<ZoneId> zones = new ArrayList<>();

        HourlyReader() {
            super(null);
        }

        @Override
        void read(MeterId meter, TimeRange span, boolean hoursFitBuckets, ZoneId localDays, Target target) {
            zones.add(localDays);
            reads++;
            spans.add(span);
            during.run();
            for (long t = span.from().getEpochSecond(); t < span.to().getEpochSecond(); t += 3600) {
                target.add(true, t, 1, 1, 0);
            }
        }
    }

    private final HourlyReader reader = new HourlyReader();
    private final DailyTotals totals = new DailyTotals(reader, new PortalProperties(1_000, 0, 0));

    @Test
    void daysAreAnsweredFromOneReadAndThenFromWhatIsKept() {
        // 2026-03-08 is the spring-forward day in Los Angeles: 23 hours.
        assertThat(days(METER, "2026-03-05", "2026-03-10")).containsExactly(24L, 24L, 24L, 23L, 24L);
        assertThat(reader.reads).isEqualTo(1);
        assertThat(totals.size()).isEqualTo(1);

        assertThat(days(METER, "2026-03-08", "2026-03-10")).containsExactly(23L, 24L);
        assertThat(reader.reads).isEqualTo(1);
    }

    @Test
    void aWriteEndingWhileAMonthIsReadKeepsItFromBeingKept() {
        reader.during = () -> totals.on(write(METER, "2026-03-20"));

        assertThat(days(METER, "2026-03-01", "2026-03-03")).containsExactly(24L, 24L);
        assertThat(totals.size()).isZero();

        reader.during = () -> {};
        days(METER, "2026-03-01", "2026-03-03");
        assertThat(totals.size()).isEqualTo(1);
    }

    @Test
    void aWriteHasOnlyTheDaysItsDayMayBelongToInAnyZoneReadAgain() {
        List<Long> first = days(METER, "2026-01-01", "2026-05-01");
        days(OTHER, "2026-01-01", "2026-05-01");
        assertThat(totals.size()).isEqualTo(8);

        // The first UTC day of April may be March 31 in Los Angeles, or April 2 east of UTC.
        totals.on(write(METER, "2026-04-01"));
        assertThat(totals.size()).isEqualTo(8);
        reader.spans.clear();
        assertThat(days(METER, "2026-01-01", "2026-05-01")).hasSize(120).isEqualTo(first);
        assertThat(reader.spans)
                .as("one read of the days marked in two months")
                .containsExactly(localDays("2026-03-31", "2026-04-03"));

        reader.spans.clear();
        days(METER, "2026-01-01", "2026-05-01");
        days(OTHER, "2026-01-01", "2026-05-01");
        assertThat(reader.spans).isEmpty();

        totals.on(DaysChanged.everything());
        assertThat(totals.size()).isZero();

        // A month not kept, then one with written days: one read, from the first's first day to the last one written.
        days(OTHER, "2026-02-01", "2026-05-01");
        totals.on(write(OTHER, "2026-02-15"));
        reader.spans.clear();
        assertThat(days(METER, "2026-01-01", "2026-05-01")).isEqualTo(first);
        List<Long> other = days(OTHER, "2026-01-01", "2026-05-01");
        assertThat(other).isEqualTo(first);
        assertThat(reader.spans)
                .containsExactly(localDays("2026-01-01", "2026-05-01"), localDays("2026-01-01", "2026-02-17"));
    }

    @Test
    void aWriteEndingWhileWrittenDaysAreReadKeepsThemFromBeingKept() {
        days(METER, "2026-03-01", "2026-04-01");
        totals.on(write(METER, "2026-03-20"));
        reader.during = () -> totals.on(write(METER, "2026-03-25"));
        reader.spans.clear();

        assertThat(days(METER, "2026-03-19", "2026-03-22")).containsExactly(24L, 24L, 24L);
        assertThat(reader.spans).containsExactly(localDays("2026-03-19", "2026-03-22"));

        reader.during = () -> {};
        reader.spans.clear();
        days(METER, "2026-03-19", "2026-03-22");
        assertThat(reader.spans).as("read again: not kept").hasSize(1);
        reader.spans.clear();
        days(METER, "2026-03-01", "2026-04-01");
        assertThat(reader.spans).as("kept since").isEmpty();
    }

    private static TimeRange localDays(String first, String end) {
        return new TimeRange(
                LocalDate.parse(first).atStartOfDay(ZONE).toInstant(),
                LocalDate.parse(end).atStartOfDay(ZONE).toInstant());
    }

    @Test
    void monthsKeptForOneZoneAreReadAgainForAnother() {
        days(METER, "2026-03-01", "2026-03-02");
        List<Long> kolkata = new ArrayList<>();
        totals.addDays(
                METER,
                ZoneId.of("Asia/Kolkata"),
                LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-03-02"),
                (imported, start, sum, count, estimates) -> kolkata.add(start));
        // Local midnight in Kolkata (+05:30), not in Los Angeles.
        assertThat(kolkata)
                .containsExactly(LocalDate.parse("2026-03-01")
                        .atStartOfDay(ZoneId.of("Asia/Kolkata"))
                        .toEpochSecond());
        assertThat(reader.reads).isEqualTo(2);
        assertThat(reader.zones)
                .as("the local days each read's totals are of")
                .containsExactly(ZONE, ZoneId.of("Asia/Kolkata"));
    }

    private List<Long> days(MeterId meter, String first, String end) {
        List<Long> sums = new ArrayList<>();
        totals.addDays(
                meter,
                ZONE,
                LocalDate.parse(first),
                LocalDate.parse(end),
                (imported, start, sum, count, estimates) -> sums.add(sum));
        return sums;
    }

    private static DaysChanged write(MeterId meter, String utcDay) {
        return new DaysChanged(List.of(new DaysChanged.MeterDay(meter, LocalDate.parse(utcDay))), false);
    }
}
