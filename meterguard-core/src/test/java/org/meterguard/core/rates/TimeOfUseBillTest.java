package org.meterguard.core.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meterguard.core.rates.FlatAndTieredBillTest.money;
import static org.meterguard.core.rates.Loads.period;
import static org.meterguard.core.rates.Loads.plan;
import static org.meterguard.core.rates.Loads.rows;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * Time-of-use and EV plans against bills computed by hand: seasons, weekends, holidays billed off-peak, and the
 * daylight-saving days (92 and 100 quarter-hours), whose hours are local wall-clock hours.
 */
class TimeOfUseBillTest {
    static final String TOU_SEASONS = """
                seasons:
                  - name: summer
                    from: 06-01
                    to: 09-30
                    weekdays: {on-peak: "16:00-21:00", otherwise: off-peak}
                    weekends: {otherwise: off-peak}
                  - name: winter
                    from: 10-01
                    to: 05-31
                    weekdays: {on-peak: "16:00-21:00", otherwise: off-peak}
                    weekends: {otherwise: off-peak}
            """;

    static final RatePlan TOU = plan("""
            id: test-tou
            name: Test time-of-use
            customerClass: residential
            zone: America/Los_Angeles
            holidays: us-utility-tou
            versions:
              - effective: 2026-01-01
            """ + TOU_SEASONS + """
                energy:
                  timeOfUse:
                    summer: {on-peak: 0.50, off-peak: 0.30}
                    winter: {on-peak: 0.40, off-peak: 0.28}
            """);

    static final RatePlan EV = plan("""
            id: test-ev
            name: Test EV time-of-use
            customerClass: residential
            zone: America/Los_Angeles
            holidays: us-utility-tou
            versions:
              - effective: 2026-01-01
                seasons:
                  - name: all-year
                    from: 01-01
                    to: 12-31
                    weekdays:
                      super-off-peak: "00:00-06:00"
                      on-peak: "16:00-21:00"
                      otherwise: off-peak
                    weekends: {super-off-peak: "00:00-06:00", otherwise: off-peak}
                energy:
                  timeOfUse:
                    all-year: {super-off-peak: 0.15, on-peak: 0.45, off-peak: 0.30}
                fixed:
                  - {name: customer charge, perDay: 0.50}
            """);

    @Test
    void laborDayIsBilledOffPeakAllDay() {
        // September 2026 (summer, 30 days): 22 weekdays, less Labor Day (Monday Sept 7) = 21 on-peak days.
        // Load: 1 kWh/hour from 16:00 to 21:00 local every day, 0.4 kWh/hour otherwise = 12.6 kWh a day.
        //   on-peak  21 days × 5 h × 1 kWh = 105 kWh × $0.50 = $52.50
        //   off-peak 30 × 12.6 − 105     = 273 kWh × $0.30 = $81.90
        // total $134.40 (were Labor Day on-peak, it would be 110 and 268 kWh: $135.40).
        Bill bill = BillCalculator.bill(
                TOU, period("2026-09-01", "2026-10-01"), rows("2026-09-01", "2026-10-01", Loads::eveningPeak, null));

        assertThat(bill.lines())
                .extracting(LineItem::description)
                .containsExactly("summer off-peak energy", "summer on-peak energy");
        assertThat(bill.lines()).extracting(LineItem::amount).containsExactly(money("81.90"), money("52.50"));
        assertThat(bill.total()).isEqualTo(money("134.40"));
    }

    @Test
    void theSpringForwardMonthBillsLocalHoursAndOneHourLess() {
        // March 2026 (winter): 22 weekdays, no holiday; March 8 (a Sunday) has 23 hours (92 quarter-hours):
        // 02:00–03:00 never happens, and its 0.4 kWh is not there.
        //   on-peak  22 × 5 h × 1 kWh            = 110 kWh   × $0.40 = $44.00
        //   off-peak 31 × 12.6 − 0.4 − 110       = 280.2 kWh × $0.28 = $78.456 → $78.46
        // 16:00–21:00 stays local after the change: a UTC schedule would move an hour of each evening.
        Bill bill = BillCalculator.bill(
                TOU, period("2026-03-01", "2026-04-01"), rows("2026-03-01", "2026-04-01", Loads::eveningPeak, null));

        assertThat(bill.lines()).extracting(LineItem::amount).containsExactly(money("78.46"), money("44.00"));
        assertThat(bill.lines().get(0).quantity()).isEqualByComparingTo("280.2");
        assertThat(bill.importWh()).isEqualTo(390_200);
        assertThat(bill.total()).isEqualTo(money("122.46"));
    }

    @Test
    void evPlanOnTheFallBackDayBillsTheRepeatedHourAsSuperOffPeak() {
        // November 1 2026, a Sunday of 25 hours (100 quarter-hours): 01:00–02:00 happens twice.
        // Load: 2 kWh/hour charging 00:00–06:00, 1 kWh/hour 16:00–21:00, 0.4 kWh/hour otherwise.
        //   super-off-peak 00:00–06:00 = 7 real hours × 2 kWh = 14 kWh × $0.15 = $2.10
        //   off-peak (a Sunday: no on-peak) 5 h × 1 kWh + 13 h × 0.4 kWh = 10.2 kWh × $0.30 = $3.06
        //   customer charge 1 day × $0.50 = $0.50; total $5.66.
        Bill bill = BillCalculator.bill(
                EV,
                period("2026-11-01", "2026-11-02"),
                rows("2026-11-01", "2026-11-02", TimeOfUseBillTest::charging, null));

        assertThat(bill.lines())
                .extracting(LineItem::description)
                .containsExactly("all-year super-off-peak energy", "all-year off-peak energy", "customer charge");
        assertThat(bill.lines())
                .extracting(LineItem::amount)
                .containsExactly(money("2.10"), money("3.06"), money("0.50"));
        assertThat(bill.total()).isEqualTo(money("5.66"));
        assertThat(bill.missingIntervals()).isZero();
    }

    @Test
    void evPlanOnTheSpringForwardDayLosesAnHourOfSuperOffPeak() {
        // March 8 2026, a Sunday of 23 hours (92 quarter-hours): 02:00–03:00 never happens.
        //   super-off-peak 5 real hours × 2 kWh = 10 kWh × $0.15 = $1.50
        //   off-peak 5 h × 1 kWh + 13 h × 0.4 kWh = 10.2 kWh × $0.30 = $3.06
        //   customer charge $0.50; total $5.06.
        Bill bill = BillCalculator.bill(
                EV,
                period("2026-03-08", "2026-03-09"),
                rows("2026-03-08", "2026-03-09", TimeOfUseBillTest::charging, null));

        assertThat(bill.lines())
                .extracting(LineItem::amount)
                .containsExactly(money("1.50"), money("3.06"), money("0.50"));
        assertThat(bill.total()).isEqualTo(money("5.06"));
    }

    @Test
    void evPlanOnAWeekdayHasAllThreePeriods() {
        // Thursday November 12 2026 (24 hours): super-off-peak 6 h × 2 = 12 kWh × $0.15 = $1.80;
        // on-peak 5 h × 1 = 5 kWh × $0.45 = $2.25; off-peak 13 h × 0.4 = 5.2 kWh × $0.30 = $1.56;
        // customer charge $0.50; total $6.11. Thanksgiving (Thursday November 26) is billed as a Sunday is:
        // $1.80 + (5 + 5.2 = 10.2 kWh × $0.30 = $3.06) + $0.50 = $5.36.
        Bill weekday = BillCalculator.bill(
                EV,
                period("2026-11-12", "2026-11-13"),
                rows("2026-11-12", "2026-11-13", TimeOfUseBillTest::charging, null));
        Bill thanksgiving = BillCalculator.bill(
                EV,
                period("2026-11-26", "2026-11-27"),
                rows("2026-11-26", "2026-11-27", TimeOfUseBillTest::charging, null));

        assertThat(weekday.lines())
                .extracting(LineItem::amount)
                .containsExactly(money("1.80"), money("1.56"), money("2.25"), money("0.50"));
        assertThat(weekday.total()).isEqualTo(money("6.11"));
        assertThat(thanksgiving.total()).isEqualTo(money("5.36"));
    }

    @Test
    void aNewVersionThatMovesTheOnPeakHoursMidBillUsesEachVersionsHoursAndProratesDemand() {
        // July 2026 (summer; July 4 is a Saturday). Version 1 (to July 15): on-peak 16:00–21:00 at $0.50;
        // version 2 (from July 16): on-peak 17:00–22:00 at $0.55; off-peak $0.30; demand $10.00/kW, prorated.
        // Load: 1 kWh/hour 16:00–21:00 local, 0.4 kWh/hour otherwise (12.6 kWh a day; peak 1 kW).
        //   part 1, July 1–15, 11 weekdays: on-peak 11 × 5 = 55 kWh × $0.50 = $27.50;
        //     off-peak 15 × 12.6 − 55 = 134 kWh × $0.30 = $40.20; demand 1.000 kW × $10 × 15/31 = $4.84
        //   part 2, July 16–31, 12 weekdays: on-peak 12 × (4 × 1 + 0.4) = 52.8 kWh × $0.55 = $29.04;
        //     off-peak 16 × 12.6 − 52.8 = 148.8 kWh × $0.30 = $44.64; demand 1.000 kW × $10 × 16/31 = $5.16
        //   total $151.38.
        RatePlan moved = Loads.plan("""
                id: moved
                name: Moved peak
                customerClass: residential
                zone: America/Los_Angeles
                holidays: us-utility-tou
                versions:
                  - effective: 2026-01-01
                    seasons:
                      - {name: summer, from: 06-01, to: 09-30,
                         weekdays: {on-peak: "16:00-21:00", otherwise: off-peak}, weekends: {otherwise: off-peak}}
                      - {name: winter, from: 10-01, to: 05-31,
                         weekdays: {on-peak: "16:00-21:00", otherwise: off-peak}, weekends: {otherwise: off-peak}}
                    energy: {timeOfUse: {summer: {on-peak: 0.50, off-peak: 0.30}, winter: {on-peak: 0.40, off-peak: 0.28}}}
                    demand: [{name: demand, perKw: 10.00}]
                  - effective: 2026-07-16
                    seasons:
                      - {name: summer, from: 06-01, to: 09-30,
                         weekdays: {on-peak: "17:00-22:00", otherwise: off-peak}, weekends: {otherwise: off-peak}}
                      - {name: winter, from: 10-01, to: 05-31,
                         weekdays: {on-peak: "17:00-22:00", otherwise: off-peak}, weekends: {otherwise: off-peak}}
                    energy: {timeOfUse: {summer: {on-peak: 0.55, off-peak: 0.30}, winter: {on-peak: 0.45, off-peak: 0.28}}}
                    demand: [{name: demand, perKw: 10.00}]
                """);

        Bill bill = BillCalculator.bill(
                moved, period("2026-07-01", "2026-08-01"), rows("2026-07-01", "2026-08-01", Loads::eveningPeak, null));

        assertThat(bill.lines())
                .extracting(LineItem::amount)
                .containsExactly(
                        money("40.20"), money("27.50"), money("4.84"), money("44.64"), money("29.04"), money("5.16"));
        assertThat(bill.lines().get(4).quantity()).isEqualByComparingTo("52.8");
        assertThat(bill.lines().get(2).explanation()).isEqualTo("1.000 kW × $10.00/kW × 15/31 days = $4.84");
        assertThat(bill.total()).isEqualTo(money("151.38"));
    }

    static long charging(LocalDateTime local) {
        return local.getHour() < 6 ? 500 : Loads.eveningPeak(local);
    }
}
