package org.meterguard.server.readings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which months are rolled up and marked when, and which days a read takes from the hour rows. */
class MonthRollupsTest {
    @Test
    void aMonthIsRolledUpAWeekAfterItEndedAndMarkedByWritesThreeDaysAfter() {
        // October ends at 2026-11-01T00:00Z.
        assertThat(MonthRollups.lastRolledUp(Instant.parse("2026-11-07T23:59:59Z")))
                .isEqualTo(YearMonth.of(2026, 9));
        assertThat(MonthRollups.lastRolledUp(Instant.parse("2026-11-08T00:00:00Z")))
                .isEqualTo(YearMonth.of(2026, 10));
        assertThat(MonthRollups.lastMarkedDay(Instant.parse("2026-11-03T23:59:59Z")))
                .isEqualTo(LocalDate.parse("2026-09-30"));
        assertThat(MonthRollups.lastMarkedDay(Instant.parse("2026-11-04T00:00:00Z")))
                .isEqualTo(LocalDate.parse("2026-10-31"));
    }

    @Test
    void everyMonthTheJobMayRollUpIsMarkedByAWriteUpToFourDaysEarlier() {
        for (Instant job = Instant.parse("2026-01-01T00:00:00Z");
                job.isBefore(Instant.parse("2027-01-01T00:00:00Z"));
                job = job.plusSeconds(3_600 * 7)) {
            Instant writer = job.minusSeconds(4 * 86_400 - 1);
            assertThat(MonthRollups.lastRolledUp(job).atEndOfMonth())
                    .as("job at %s, writer at %s", job, writer)
                    .isBeforeOrEqualTo(MonthRollups.lastMarkedDay(writer));
        }
    }

    @Test
    void theDaysOutsideCoveredMonthsAreReadAsRanges() {
        LocalDate first = LocalDate.parse("2025-11-15");
        LocalDate last = LocalDate.parse("2026-03-10");
        assertThat(MonthRollups.uncovered(first, last, List.of())).containsExactly(new LocalDate[] {first, last});
        assertThat(MonthRollups.uncovered(
                        first, last, List.of(LocalDate.parse("2026-02-01"), LocalDate.parse("2025-12-01"))))
                .containsExactly(
                        new LocalDate[] {first, LocalDate.parse("2025-11-30")},
                        new LocalDate[] {LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31")},
                        new LocalDate[] {LocalDate.parse("2026-03-01"), last});
        assertThat(MonthRollups.uncovered(
                        LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-02-28"),
                        List.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-01"))))
                .isEmpty();
    }
}
