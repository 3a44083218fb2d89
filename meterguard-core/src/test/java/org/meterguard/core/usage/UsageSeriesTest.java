package org.meterguard.core.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageSeriesTest {
    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    @Test
    void springForwardDayHas23HoursAnd92QuarterHours() {
        UsagePeriod day = period("2026-03-08", "2026-03-09", Resolution.HOUR);
        UsageSeries hours = new UsageSeries(day);
        fillQuarterHours(hours, day, 10);

        assertThat(hours.size()).isEqualTo(23);
        assertThat(hours.points()).allSatisfy(p -> assertThat(p.value()).isEqualTo(40));
        assertThat(hours.start(2)).isEqualTo(Instant.parse("2026-03-08T10:00:00Z")); // 03:00 PDT
        assertThat(new UsageSeries(period("2026-03-08", "2026-03-09", Resolution.QUARTER_HOUR)).size())
                .isEqualTo(92);
        assertThat(new UsageSeries(period("2026-11-01", "2026-11-02", Resolution.QUARTER_HOUR)).size())
                .isEqualTo(100);
    }

    @Test
    void daysAreLocalDaysAcrossTheChangeOfOffset() {
        UsagePeriod days = period("2026-03-07", "2026-03-10", Resolution.DAY);
        UsageSeries series = new UsageSeries(days);
        fillQuarterHours(series, days, 1);

        assertThat(series.values()).containsExactly(96, 92, 96);
        assertThat(series.start(1)).isEqualTo(Instant.parse("2026-03-08T08:00:00Z"));
        assertThat(series.start(2)).isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
    }

    @Test
    void monthsStartAtThePeriodsFirstDayAndCountEstimates() {
        UsagePeriod months = period("2026-01-15", "2026-03-15", Resolution.MONTH);
        UsageSeries series = new UsageSeries(months);
        series.add(Instant.parse("2026-01-15T08:00:00Z").getEpochSecond(), 5, false); // Jan 15 00:00 local
        series.add(Instant.parse("2026-02-01T07:45:00Z").getEpochSecond(), 7, true); // Jan 31 23:45 local
        series.add(Instant.parse("2026-02-01T08:00:00Z").getEpochSecond(), 11, false); // Feb 1 00:00 local
        series.add(Instant.parse("2026-03-15T06:59:59Z").getEpochSecond(), 13, true); // Mar 14 23:59 PDT
        series.add(Instant.parse("2026-03-15T07:00:00Z").getEpochSecond(), 1000, false); // outside
        series.add(Instant.parse("2026-01-15T07:45:00Z").getEpochSecond(), 1000, false); // outside

        assertThat(series.values()).containsExactly(12, 11, 13);
        assertThat(series.estimated()).containsExactly(1, 0, 1);
        assertThat(series.intervals()).containsExactly(2, 1, 1);
        assertThat(series.start(0)).isEqualTo(Instant.parse("2026-01-15T08:00:00Z"));
        assertThat(series.start(1)).isEqualTo(Instant.parse("2026-02-01T08:00:00Z"));
        assertThat(series.total()).isEqualTo(36);
        assertThat(series.estimatedIntervals()).isEqualTo(2);
    }

    @Test
    void previousPeriodIsAsLongInCalendarTerms() {
        assertThat(period("2026-01-01", "2027-01-01", Resolution.MONTH).previous())
                .isEqualTo(period("2025-01-01", "2026-01-01", Resolution.MONTH));
        assertThat(period("2026-03-01", "2026-04-01", Resolution.DAY).previous())
                .isEqualTo(period("2026-02-01", "2026-03-01", Resolution.DAY));
        assertThat(period("2026-03-11", "2026-03-21", Resolution.HOUR).previous())
                .isEqualTo(period("2026-03-01", "2026-03-11", Resolution.HOUR));
    }

    @Test
    void refusesEmptyAndTooLongPeriodsNamingThem() {
        assertThatThrownBy(() -> period("2026-03-01", "2026-03-01", Resolution.DAY))
                .hasMessageContaining("2026-03-01");
        assertThatThrownBy(() -> period("2024-01-01", "2026-01-03", Resolution.HOUR))
                .hasMessageContaining("733 days")
                .hasMessageContaining("HOUR");
    }

    @Test
    void hoursAddedWholeEqualTheirQuarterHoursAcrossBothChangesOfOffset() {
        for (Resolution resolution : new Resolution[] {Resolution.HOUR, Resolution.DAY, Resolution.MONTH}) {
            UsagePeriod period = period("2026-03-01", "2026-11-30", resolution);
            UsageSeries byQuarter = new UsageSeries(period);
            UsageSeries byHour = new UsageSeries(period);
            long from = period.from().getEpochSecond();
            for (long hour = from; hour < period.to().getEpochSecond(); hour += 3600) {
                long sum = 0;
                int estimates = 0;
                for (int q = 0; q < 4; q++) {
                    long value = (hour / 900 + q) % 97;
                    boolean estimate = (hour / 3600 + q) % 7 == 0;
                    byQuarter.add(hour + 900L * q, value, estimate);
                    sum += value;
                    estimates += estimate ? 1 : 0;
                }
                byHour.add(hour, sum, 4, estimates);
            }
            assertThat(byHour.hoursFitBuckets()).isTrue();
            assertThat(byHour.values()).as("%s", resolution).containsExactly(byQuarter.values());
            assertThat(byHour.intervals()).containsExactly(byQuarter.intervals());
            assertThat(byHour.estimated()).containsExactly(byQuarter.estimated());
        }
    }

    @Test
    void hoursAddedAsRunsEqualThemAddedOneByOneAcrossBothChangesOfOffset() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (Resolution resolution : List.of(Resolution.HOUR, Resolution.DAY, Resolution.MONTH)) {
            UsagePeriod period = period("2026-01-10", "2026-12-20", resolution);
            UsageSeries byRuns = new UsageSeries(period);
            UsageSeries oneByOne = new UsageSeries(period);
            // UTC months as runs (and a run clipped at both ends), from before the period to after it.
            for (LocalDate month = LocalDate.parse("2025-12-01");
                    month.isBefore(LocalDate.parse("2027-02-01"));
                    month = month.plusMonths(1)) {
                int hours = month.lengthOfMonth() * 24;
                long[] sums = new long[hours];
                int[] counts = new int[hours];
                int[] estimates = new int[hours];
                for (int h = 0; h < hours; h++) {
                    counts[h] = random.nextInt(5);
                    sums[h] = counts[h] == 0 ? 0 : random.nextInt(10_000);
                    estimates[h] = counts[h] == 0 ? 0 : random.nextInt(counts[h] + 1);
                }
                long first = month.toEpochDay() * 86_400L;
                int from = month.getMonthValue() == 6 ? 37 : 0;
                int to = month.getMonthValue() == 6 ? hours - 5 : hours;
                byRuns.addHours(first, sums, counts, estimates, from, to);
                for (int h = from; h < to; h++) {
                    oneByOne.add(first + 3600L * h, sums[h], counts[h], estimates[h]);
                }
            }
            assertThat(byRuns.values()).as("%s", resolution).containsExactly(oneByOne.values());
            assertThat(byRuns.intervals()).as("%s", resolution).containsExactly(oneByOne.intervals());
            assertThat(byRuns.estimated()).as("%s", resolution).containsExactly(oneByOne.estimated());
            assertThat(byRuns.total()).isPositive();
        }
    }

    @Test
    void hoursFitOnlyBucketsOfAnHourOrMoreInZonesOfWholeHourOffsets() {
        assertThat(new UsageSeries(period("2026-03-01", "2026-04-01", Resolution.QUARTER_HOUR)).hoursFitBuckets())
                .isFalse();
        assertThat(new UsageSeries(new UsagePeriod(
                                ZoneId.of("Asia/Kolkata"),
                                LocalDate.of(2026, 3, 1),
                                LocalDate.of(2026, 4, 1),
                                Resolution.DAY))
                        .hoursFitBuckets())
                .isFalse();
        // Lord Howe Island changes its offset by half an hour (+10:30 / +11:00).
        assertThat(new UsageSeries(new UsagePeriod(
                                ZoneId.of("Australia/Lord_Howe"),
                                LocalDate.of(2026, 3, 1),
                                LocalDate.of(2026, 5, 1),
                                Resolution.MONTH))
                        .hoursFitBuckets())
                .isFalse();
        assertThat(new UsageSeries(period("2026-03-01", "2026-12-01", Resolution.MONTH)).hoursFitBuckets())
                .isTrue();
    }

    private static void fillQuarterHours(UsageSeries series, UsagePeriod period, long value) {
        for (long t = period.from().getEpochSecond(); t < period.to().getEpochSecond(); t += 900) {
            series.add(t, value, false);
        }
    }

    @Test
    void dailyStartsAreEachLocalDaysFirstSecondInZonesWhoseClocksChangeAtMidnightToo() {
        // Havana and Santiago change their clocks at midnight (a day may start at 01:00); Lord Howe by half an hour;
        // Kolkata has a half-hour offset and no changes.
        for (String zone : List.of(
                "America/Los_Angeles", "America/Havana", "America/Santiago", "Australia/Lord_Howe", "Asia/Kolkata")) {
            UsagePeriod years = new UsagePeriod(
                    ZoneId.of(zone), LocalDate.parse("2023-01-01"), LocalDate.parse("2026-01-01"), Resolution.DAY);
            UsageSeries series = new UsageSeries(years);
            long[] starts = series.startSeconds();

            assertThat(starts).hasSize(1096);
            for (int i = 0; i < starts.length; i++) {
                assertThat(starts[i])
                        .as("%s, day %s", zone, years.first().plusDays(i))
                        .isEqualTo(years.first()
                                .plusDays(i)
                                .atStartOfDay(ZoneId.of(zone))
                                .toEpochSecond());
            }
        }
    }

    private static UsagePeriod period(String first, String end, Resolution resolution) {
        return new UsagePeriod(LA, LocalDate.parse(first), LocalDate.parse(end), resolution);
    }
}
