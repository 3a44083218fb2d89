package org.meterguard.server.readings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LocalDaySumsTest {
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final int HOURS = 31 * 24;

    /** Hour h of March holds h + 1 in its sum, 4 intervals, and one estimate every tenth hour. */
    private static LocalDaySums march(ZoneId zone) {
        long[] sums = new long[MonthRollups.MONTH_HOURS];
        int[] counts = new int[MonthRollups.MONTH_HOURS];
        int[] estimated = new int[MonthRollups.MONTH_HOURS];
        for (int h = 0; h < HOURS; h++) {
            sums[h] = h + 1;
            counts[h] = 4;
            estimated[h] = h % 10 == 0 ? 1 : 0;
        }
        LocalDaySums.Layout layout = LocalDaySums.Layout.of(MARCH, zone);
        return layout == null ? null : LocalDaySums.of(layout, sums, counts, estimated);
    }

    @Test
    void aUtcMonthInLosAngelesStartsAndEndsWithPartialDaysAndHasTheShortDaylightSavingDay() {
        LocalDaySums days = march(ZoneId.of("America/Los_Angeles"));

        assertThat(days.days()).isEqualTo(32);
        int[] hours = Arrays.copyOf(days.hours(), days.days());
        // 00:00 UTC on March 1 is 16:00 on February 28 (PST): 8 hours of it; March 8 has 23 hours; 00:00 UTC on
        // April 1 is 17:00 on March 31 (PDT): 17 hours of it.
        assertThat(hours[0]).isEqualTo(8);
        assertThat(hours[1 + 7]).isEqualTo(23);
        assertThat(hours[31]).isEqualTo(17);
        assertThat(Arrays.stream(hours).sum()).isEqualTo(HOURS);
        // Feb 28's part is hours 0..7 (sums 1..8); March 1 is hours 8..31.
        assertThat(days.sums()[0]).isEqualTo(36);
        assertThat(days.sums()[1]).isEqualTo((9 + 32) * 24 / 2);
        assertThat(Arrays.stream(days.sums()).sum()).isEqualTo((long) HOURS * (HOURS + 1) / 2);
        assertThat(days.counts()[8]).isEqualTo(4 * 23);
        assertThat(Arrays.stream(days.estimated()).sum()).isEqualTo(75);
        assertThat(days.estimated()[0]).isEqualTo(1); // hour 0
    }

    @Test
    void inUtcEachLocalDayIsAWholeUtcDay() {
        LocalDaySums days = march(ZoneOffset.UTC);

        assertThat(days.days()).isEqualTo(31);
        assertThat(Arrays.copyOf(days.hours(), 31)).containsOnly(24);
    }

    @Test
    void aZoneWhoseMidnightFallsInsideAnHourKeepsNone() {
        assertThat(march(ZoneId.of("Asia/Kolkata"))).isNull(); // +05:30
        assertThat(march(ZoneId.of("Australia/Adelaide"))).isNull(); // +10:30 and +09:30
    }

    @Test
    void decodingGivesEachDayTheSecondItsFirstHourStarts() {
        long monthStart = LocalDate.of(2026, 3, 1).toEpochDay() * 86_400L;
        byte[] hours = {8, 24, 17};
        byte[] sums = {0, 0, 0, 5, 0, 0, 1, 0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        byte[] counts = {0, 32, 0, 96, 0, 68};
        byte[] estimated = {0, 0, 1, 0, 0, 2};
        long[] starts = new long[LocalDaySums.MOST_DAYS];
        long[] outSums = new long[LocalDaySums.MOST_DAYS];
        int[] outCounts = new int[LocalDaySums.MOST_DAYS];
        int[] outEstimated = new int[LocalDaySums.MOST_DAYS];

        int n = LocalDaySums.decode(
                monthStart, hours, sums, counts, estimated, starts, outSums, outCounts, outEstimated);

        assertThat(n).isEqualTo(3);
        assertThat(Arrays.copyOf(starts, 3)).containsExactly(monthStart, monthStart + 8 * 3600, monthStart + 32 * 3600);
        assertThat(Arrays.copyOf(outSums, 3)).containsExactly(5, 256, Integer.MAX_VALUE);
        assertThat(Arrays.copyOf(outCounts, 3)).containsExactly(32, 96, 68);
        assertThat(Arrays.copyOf(outEstimated, 3)).containsExactly(0, 256, 2);

        assertThatThrownBy(() -> LocalDaySums.decode(
                        monthStart, hours, sums, new byte[4], null, starts, outSums, outCounts, outEstimated))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("3 days");
    }
}
