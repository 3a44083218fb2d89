package org.meterguard.core.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meterguard.core.retention.RetentionAction.DeleteRows;
import org.meterguard.core.retention.RetentionAction.DropPartition;
import org.meterguard.core.retention.RetentionPlan.Partition;

class RetentionPlanTest {
    private static final Instant NOW = Instant.parse("2026-11-15T03:30:00Z");

    @Test
    void dropsWholeExpiredMonthsAndDeletesExpiredVoltageFromMonthsStillKeptForEnergy() {
        RetentionPolicy policy = policy(Period.ofYears(2), Period.ofMonths(6), Period.ofYears(1));
        List<Partition> partitions = List.of(
                new Partition("interval_day", YearMonth.of(2024, 10)),
                new Partition("interval_day", YearMonth.of(2024, 11)),
                new Partition("interval_day", YearMonth.of(2026, 4)),
                new Partition("interval_day", YearMonth.of(2026, 5)),
                new Partition("interval_day", YearMonth.of(2026, 6)),
                new Partition("meter_event", YearMonth.of(2025, 10)),
                new Partition("meter_event", YearMonth.of(2025, 11)),
                new Partition("register_read", YearMonth.of(2024, 10)));

        List<RetentionAction> plan = RetentionPlan.plan(policy, NOW, partitions);

        assertThat(plan)
                .containsExactly(
                        new DropPartition(DataCategory.INTERVAL_DATA, "interval_day", YearMonth.of(2024, 10)),
                        new DeleteRows(
                                DataCategory.VOLTAGE,
                                "interval_day",
                                YearMonth.of(2024, 11),
                                LocalDate.of(2026, 5, 15)),
                        new DeleteRows(
                                DataCategory.INTERVAL_DATA,
                                "interval_day",
                                YearMonth.of(2024, 11),
                                LocalDate.of(2024, 11, 15)),
                        new DeleteRows(
                                DataCategory.VOLTAGE, "interval_day", YearMonth.of(2026, 4), LocalDate.of(2026, 5, 15)),
                        new DeleteRows(
                                DataCategory.VOLTAGE, "interval_day", YearMonth.of(2026, 5), LocalDate.of(2026, 5, 15)),
                        new DropPartition(DataCategory.EVENTS, "meter_event", YearMonth.of(2025, 10)),
                        new DropPartition(DataCategory.INTERVAL_DATA, "register_read", YearMonth.of(2024, 10)),
                        new RetentionAction.ShredAccounts(Instant.parse("2025-11-15T00:00:00Z")),
                        new RetentionAction.DeleteReceivedFrames(Instant.parse("2026-08-15T00:00:00Z")));
    }

    @Test
    void everyCategoryNeedsAPositivePeriod() {
        Map<DataCategory, Period> periods = new EnumMap<>(DataCategory.class);
        periods.put(DataCategory.INTERVAL_DATA, Period.ofYears(1));
        assertThatThrownBy(() -> RetentionPolicy.of(periods)).hasMessageContaining("no retention period for VOLTAGE");
        for (DataCategory c : DataCategory.values()) {
            periods.put(c, Period.ofYears(1));
        }
        periods.put(DataCategory.EVENTS, Period.ZERO);
        assertThatThrownBy(() -> RetentionPolicy.of(periods)).hasMessageContaining("EVENTS");
    }

    @Test
    void theDropPartitionNamesTheMonthPartition() {
        assertThat(new DropPartition(DataCategory.EVENTS, "meter_event", YearMonth.of(2025, 3)).partition())
                .isEqualTo("meter_event_2025_03");
    }

    private static RetentionPolicy policy(Period energy, Period voltage, Period events) {
        Map<DataCategory, Period> periods = new EnumMap<>(DataCategory.class);
        periods.put(DataCategory.INTERVAL_DATA, energy);
        periods.put(DataCategory.VOLTAGE, voltage);
        periods.put(DataCategory.EVENTS, events);
        periods.put(DataCategory.PERSONAL_INFORMATION, Period.ofYears(1));
        periods.put(DataCategory.RECEIVED_FRAMES, Period.ofDays(92));
        return RetentionPolicy.of(periods);
    }
}
