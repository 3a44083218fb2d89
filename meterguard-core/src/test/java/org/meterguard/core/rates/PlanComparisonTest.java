package org.meterguard.core.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meterguard.core.rates.FlatAndTieredBillTest.money;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;

class PlanComparisonTest {
    private static final RatePlan FLAT = Loads.plan("""
            id: flat
            name: Flat
            customerClass: residential
            zone: America/Los_Angeles
            versions:
              - effective: 2026-01-01
                energy: {flat: 0.31}
            """);

    @Test
    void comparesEachPlanMonthByMonthAndMarksTheCheapest() {
        // An evening-heavy load (Loads.eveningPeak) in June and July 2026:
        //   June: 30 × 12.6 = 378 kWh; 22 weekdays × 5 = 110 kWh on-peak, 268 off-peak.
        //   July: 31 × 12.6 = 390.6 kWh; 23 weekdays × 5 = 115 kWh on-peak (July 4 is a Saturday), 275.6 off.
        // Flat: 378 × $0.31 = $117.18; 390.6 × $0.31 = $121.086 → $121.09; total $238.27.
        // TOU:  110 × $0.50 + 268 × $0.30 = $55.00 + $80.40 = $135.40;
        //       115 × $0.50 + 275.6 × $0.30 = $57.50 + $82.68 = $140.18; total $275.58.
        IntervalRows rows = Loads.rows("2026-06-01", "2026-08-01", Loads::eveningPeak, null);
        List<BillingPeriod> months =
                List.of(Loads.period("2026-06-01", "2026-07-01"), Loads.period("2026-07-01", "2026-08-01"));

        PlanComparison comparison =
                PlanComparison.of(List.of(TimeOfUseBillTest.TOU, FLAT), months, Loads.PACIFIC, rows);

        assertThat(comparison.plans()).extracting(p -> p.plan().id()).containsExactly("flat", "test-tou");
        assertThat(comparison.cheapest().plan().id()).isEqualTo("flat");
        assertThat(comparison.plans().get(0).bills())
                .extracting(Bill::total)
                .containsExactly(money("117.18"), money("121.09"));
        assertThat(comparison.plans().get(0).total()).isEqualTo(money("238.27"));
        assertThat(comparison.plans().get(1).bills())
                .extracting(Bill::total)
                .containsExactly(money("135.40"), money("140.18"));
        assertThat(comparison.plans().get(1).total()).isEqualTo(money("275.58"));
        assertThat(comparison.plans().get(1).cheapest()).isFalse();
        assertThat(comparison.quality()).noneMatch(PlanComparison.MonthQuality::estimated);
    }

    @Test
    void flagsTheMonthsWhoseDataWasEstimated() {
        IntervalRows.Builder builder = IntervalRows.builder(MeterId.of("MG-000002"), Loads.GRID);
        Instant start =
                LocalDate.parse("2026-06-01").atStartOfDay(Loads.PACIFIC).toInstant();
        Instant end = LocalDate.parse("2026-08-01").atStartOfDay(Loads.PACIFIC).toInstant();
        for (Instant t = start; t.isBefore(end); t = t.plusSeconds(900)) {
            boolean estimated =
                    LocalDateTime.ofInstant(t, Loads.PACIFIC).toLocalDate().equals(LocalDate.of(2026, 7, 9));
            builder.put(
                    Channel.ACTIVE_ENERGY_IMPORT,
                    t,
                    100,
                    estimated ? ReadingQuality.ESTIMATED_REFERENCE_DAY : ReadingQuality.VALID);
        }
        List<BillingPeriod> months =
                List.of(Loads.period("2026-06-01", "2026-07-01"), Loads.period("2026-07-01", "2026-08-01"));

        PlanComparison comparison = PlanComparison.of(List.of(FLAT), months, Loads.PACIFIC, builder.build());

        assertThat(comparison.quality().get(0).estimated()).isFalse();
        assertThat(comparison.quality().get(1).estimated()).isTrue();
        assertThat(comparison.quality().get(1).quality().estimated()).isEqualTo(96);
    }
}
