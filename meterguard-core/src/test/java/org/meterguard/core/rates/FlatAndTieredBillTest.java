package org.meterguard.core.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meterguard.core.rates.Loads.period;
import static org.meterguard.core.rates.Loads.plan;
import static org.meterguard.core.rates.Loads.rows;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Flat and tiered plans against bills computed by hand; the arithmetic is in each test. */
class FlatAndTieredBillTest {
    private static final RatePlan FLAT = plan("""
            id: test-flat
            name: Test flat
            customerClass: residential
            zone: America/Los_Angeles
            versions:
              - effective: 2026-01-01
                energy: {flat: 0.30}
                fixed:
                  - {name: customer charge, perDay: 0.40}
              - effective: 2026-07-16
                energy: {flat: 0.32}
                fixed:
                  - {name: customer charge, perDay: 0.40}
            """);

    private static final RatePlan TIERED = plan("""
            id: test-tiered
            name: Test tiered
            customerClass: residential
            zone: America/Los_Angeles
            versions:
              - effective: 2026-01-01
                seasons:
                  - {name: summer, from: 06-01, to: 09-30}
                  - {name: winter, from: 10-01, to: 05-31}
                energy:
                  tiered:
                    baselineKwhPerDay: {summer: 10, winter: 8}
                    tiers:
                      - {upToBaselinePercent: 100, price: 0.25}
                      - {upToBaselinePercent: 200, price: 0.32}
                      - {price: 0.40}
                fixed:
                  - {name: meter charge, perMonth: 10.00}
              - effective: 2026-09-16
                seasons:
                  - {name: summer, from: 06-01, to: 09-30}
                  - {name: winter, from: 10-01, to: 05-31}
                energy:
                  tiered:
                    baselineKwhPerDay: {summer: 10, winter: 8}
                    tiers:
                      - {upToBaselinePercent: 100, price: 0.27}
                      - {price: 0.35}
                fixed:
                  - {name: meter charge, perMonth: 10.00}
            """);

    @Test
    void flatPlanChargesEveryKwhAtOnePricePlusTheDailyCharge() {
        // June 2026 (30 days, no DST change): 1 kWh every hour = 720 kWh.
        // 720 kWh × $0.30 = $216.00; customer charge 30 days × $0.40 = $12.00; total $228.00.
        Bill bill = BillCalculator.bill(
                FLAT, period("2026-06-01", "2026-07-01"), rows("2026-06-01", "2026-07-01", t -> 250, null));

        assertThat(bill.lines()).extracting(LineItem::amount).containsExactly(money("216.00"), money("12.00"));
        assertThat(bill.lines().get(0).quantity()).isEqualByComparingTo("720");
        assertThat(bill.total()).isEqualTo(money("228.00"));
        assertThat(bill.versions()).containsExactly(LocalDate.of(2026, 1, 1));
        assertThat(bill.lines().get(0).explanation()).isEqualTo("720.000 kWh × $0.30/kWh = $216.00");
    }

    @Test
    void aNewVersionMidBillPricesEachPartWithItsOwnTerms() {
        // July 2026: July 1–15 (15 days) on the first version, July 16–31 (16 days) on the second.
        // 1 kWh/hour: 360 kWh × $0.30 = $108.00, 384 kWh × $0.32 = $122.88;
        // customer charge 15 × $0.40 = $6.00 and 16 × $0.40 = $6.40; total $243.28.
        Bill bill = BillCalculator.bill(
                FLAT, period("2026-07-01", "2026-08-01"), rows("2026-07-01", "2026-08-01", t -> 250, null));

        assertThat(bill.versions()).containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 16));
        assertThat(bill.lines())
                .extracting(LineItem::amount)
                .containsExactly(money("108.00"), money("6.00"), money("122.88"), money("6.40"));
        assertThat(bill.total()).isEqualTo(money("243.28"));
        assertThat(bill.lines().get(2).description()).contains("rates effective 2026-07-16");
    }

    @Test
    void tiersFillFromTheBaselineOfEachDaysSeason() {
        // May 25 – June 5 2026 (11 days): 7 winter days × 8 kWh + 4 summer days × 10 kWh = 96 kWh baseline.
        // Use 1 kWh/hour × 264 hours = 264 kWh:
        //   tier 1 up to 100% = 96 kWh   × $0.25 = $24.00
        //   tier 2 up to 200% = 96 kWh   × $0.32 = $30.72
        //   tier 3 the rest   = 72 kWh   × $0.40 = $28.80
        // meter charge $10.00/month for 11 of 11 days billed = $10.00; total $93.52.
        Bill bill = BillCalculator.bill(
                TIERED, period("2026-05-25", "2026-06-05"), rows("2026-05-25", "2026-06-05", t -> 250, null));

        assertThat(bill.lines())
                .extracting(LineItem::quantity)
                .map(BigDecimal::stripTrailingZeros)
                .containsExactly(new BigDecimal("96"), new BigDecimal("96"), new BigDecimal("72"), BigDecimal.ONE);
        assertThat(bill.lines())
                .extracting(LineItem::amount)
                .containsExactly(money("24.00"), money("30.72"), money("28.80"), money("10.00"));
        assertThat(bill.total()).isEqualTo(money("93.52"));
        assertThat(bill.lines().get(0).description()).contains("baseline 96 kWh for 11 days");
    }

    @Test
    void aTieredBillSplitByAVersionGivesEachPartItsOwnAllowanceAndProratesTheMonthlyCharge() {
        // September 2026: Sept 1–15 (15 days) on version 1, Sept 16–30 (15 days) on version 2; summer: 10 kWh/day.
        // 0.5 kWh/hour (125 Wh a quarter) = 12 kWh a day = 180 kWh in each part, baseline 150 kWh in each.
        //   part 1: tier 1 150 kWh × $0.25 = $37.50; tier 2 (up to 300) 30 kWh × $0.32 = $9.60
        //           meter charge $10.00 × 15/30 days = $5.00
        //   part 2: tier 1 150 kWh × $0.27 = $40.50; tier 2 (the rest) 30 kWh × $0.35 = $10.50
        //           meter charge $10.00 × 15/30 days = $5.00
        // total $108.10.
        Bill bill = BillCalculator.bill(
                TIERED, period("2026-09-01", "2026-10-01"), rows("2026-09-01", "2026-10-01", t -> 125, null));

        assertThat(bill.lines())
                .extracting(LineItem::amount)
                .containsExactly(
                        money("37.50"), money("9.60"), money("5.00"), money("40.50"), money("10.50"), money("5.00"));
        assertThat(bill.total()).isEqualTo(money("108.10"));
        assertThat(bill.lines().get(2).explanation()).isEqualTo("1 month × $10.00/month × 15/30 days = $5.00");
    }

    @Test
    void aLineRoundsHalfUpToTheCentOnce() {
        // July 1 2026 alone: 1 Wh in each quarter-hour before 05:00 = 20 Wh = 0.020 kWh.
        // 0.020 kWh × $0.25 = $0.005 exactly, half a cent: rounded half-up to $0.01 (half-even would give $0.00).
        // The meter charge of $10.00/month covers the whole one-day bill: $10.00.
        Bill bill = BillCalculator.bill(
                TIERED,
                period("2026-07-01", "2026-07-02"),
                rows("2026-07-01", "2026-07-02", t -> t.getHour() < 5 ? 1 : 0, null));

        assertThat(bill.lines().get(0).explanation()).isEqualTo("0.020 kWh × $0.25/kWh = $0.01");
        assertThat(bill.total()).isEqualTo(money("10.01"));
    }

    static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
