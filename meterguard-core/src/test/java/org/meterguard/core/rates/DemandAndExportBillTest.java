package org.meterguard.core.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meterguard.core.rates.FlatAndTieredBillTest.money;
import static org.meterguard.core.rates.Loads.period;
import static org.meterguard.core.rates.Loads.plan;
import static org.meterguard.core.rates.Loads.rows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;

/** Demand charges, net metering, net billing, non-bypassable charges and the minimum bill, computed by hand. */
class DemandAndExportBillTest {
    private static final RatePlan DEMAND = plan("""
            id: test-demand
            name: Test commercial demand
            customerClass: commercial
            zone: America/Los_Angeles
            holidays: us-utility-tou
            versions:
              - effective: 2026-01-01
            """ + TimeOfUseBillTest.TOU_SEASONS + """
                energy: {flat: 0.20}
                demand:
                  - {name: maximum demand, perKw: 10.00, intervalMinutes: 15}
                  - {name: on-peak hourly demand, perKw: 20.00, intervalMinutes: 60, period: on-peak}
                fixed:
                  - {name: customer charge, perMonth: 30.00}
            """);

    private static final String SOLAR_TERMS = """
                energy:
                  timeOfUse:
                    summer: {on-peak: 0.50, off-peak: 0.30}
                    winter: {on-peak: 0.40, off-peak: 0.28}
                nonBypassablePerKwh: 0.03
            """;

    private static final RatePlan NET_METERING = plan("""
            id: test-nem
            name: Test net energy metering
            customerClass: residential
            zone: America/Los_Angeles
            versions:
              - effective: 2026-01-01
            """ + TimeOfUseBillTest.TOU_SEASONS + SOLAR_TERMS + """
                export: {netting: per-period, creditPerKwh: retail}
                minimumPerDay: 0.35
            """);

    private static final RatePlan NET_BILLING = plan("""
            id: test-net-billing
            name: Test net billing
            customerClass: residential
            zone: America/Los_Angeles
            versions:
              - effective: 2026-01-01
            """ + TimeOfUseBillTest.TOU_SEASONS + SOLAR_TERMS + """
                export: {netting: none, creditPerKwh: 0.05}
            """);

    @Test
    void demandChargesTakeTheHighestQuarterHourAndTheHighestOnPeakClockHour() {
        // Wednesday July 1 and Thursday July 2 2026 (a 2-day bill); 1 kW (250 Wh a quarter) all day, except
        //   July 1 10:00–10:15 local: 3,000 Wh = 12 kW (off-peak, the highest quarter-hour)
        //   July 2 17:00–18:00 local: 1,000 + 2,000 + 1,000 + 1,000 Wh = 4, 8, 4, 4 kW; the hour: 5 kWh = 5 kW
        // energy: 2 × 24 kWh − 0.25 + 3 − 1 + 4.0 = 53.75 kWh... by quarters: 192 × 0.25 = 48 kWh, plus
        //   (3 − 0.25) + (1 + 2 + 1 + 1 − 1) = 2.75 + 4 = 6.75 → 54.75 kWh × $0.20 = $10.95
        // maximum demand 12.000 kW × $10.00 = $120.00 (the 8 kW quarter is lower)
        // on-peak hourly demand 5.000 kW × $20.00 = $100.00 (the 15-minute on-peak peak would be 8 kW: $160.00)
        // customer charge $30.00/month for a 2-day bill: $30.00; total $260.95.
        Bill bill = BillCalculator.bill(
                DEMAND,
                period("2026-07-01", "2026-07-03"),
                rows("2026-07-01", "2026-07-03", DemandAndExportBillTest::spiky, null));

        assertThat(bill.lines())
                .extracting(LineItem::amount)
                .containsExactly(money("10.95"), money("120.00"), money("100.00"), money("30.00"));
        assertThat(bill.lines().get(1).description()).contains("15-minute peak starting 2026-07-01T10:00");
        assertThat(bill.lines().get(2).description()).contains("60-minute peak starting 2026-07-02T17:00");
        assertThat(bill.lines().get(2).quantity()).isEqualByComparingTo("5");
        assertThat(bill.total()).isEqualTo(money("260.95"));
    }

    @Test
    void hourlyHistoryBillsAFifteenMinuteDemandChargeOnItsHourlyPeakAndSaysSo() {
        // Hourly data (as imported Green Button history often is) for July 1–2 2026: 1 kWh every hour, except
        // 6 kWh from 10:00 to 11:00 local on July 1 (off-peak).
        //   energy 48 + 5 = 53 kWh × $0.20 = $10.60
        //   maximum demand: no quarter-hours, so the hourly peak 6.000 kW × $10.00 = $60.00
        //   on-peak hourly demand 1.000 kW × $20.00 = $20.00; customer charge $30.00; total $120.60.
        IntervalRows.Builder hourly =
                IntervalRows.builder(MeterId.of("MG-000009"), new IntervalGrid(Duration.ofHours(1)));
        Instant end = LocalDate.parse("2026-07-04").atStartOfDay(Loads.PACIFIC).toInstant();
        for (Instant t = LocalDate.parse("2026-06-30")
                        .atStartOfDay(Loads.PACIFIC)
                        .toInstant();
                t.isBefore(end);
                t = t.plusSeconds(3_600)) {
            boolean spike = LocalDateTime.ofInstant(t, Loads.PACIFIC).equals(LocalDateTime.parse("2026-07-01T10:00"));
            hourly.put(Channel.ACTIVE_ENERGY_IMPORT, t, spike ? 6_000 : 1_000, ReadingQuality.VALID);
        }

        Bill bill = BillCalculator.bill(DEMAND, period("2026-07-01", "2026-07-03"), hourly.build());

        assertThat(bill.lines())
                .extracting(LineItem::amount)
                .containsExactly(money("10.60"), money("60.00"), money("20.00"), money("30.00"));
        assertThat(bill.lines().get(1).description())
                .contains("60-minute peak, as the data has no 15-minute intervals, starting 2026-07-01T10:00");
        assertThat(bill.missingIntervals()).isZero();
    }

    @Test
    void netEnergyMeteringNetsExportPerPeriodAndCreditsNetExportAtRetail() {
        // Wednesday July 1 2026: import 1 kW all day = 24 kWh (19 kWh off-peak, 5 kWh on-peak 16:00–21:00);
        // export 6 kW (1,500 Wh a quarter) from 10:00 to 14:00 local = 24 kWh, all off-peak.
        //   on-peak: net 5 kWh × $0.50 = $2.50
        //   off-peak: net 19 − 24 = −5 kWh: 5 kWh credited at the off-peak retail price × −$0.30 = −$1.50
        //   non-bypassable on gross import 24 kWh × $0.03 = $0.72
        //   total $1.72, above the minimum of 1 day × $0.35.
        Bill bill = BillCalculator.bill(
                NET_METERING,
                period("2026-07-01", "2026-07-02"),
                rows("2026-07-01", "2026-07-02", t -> 250, DemandAndExportBillTest::solar));

        assertThat(bill.lines())
                .extracting(LineItem::description)
                .containsExactly(
                        "summer off-peak net export credit",
                        "summer on-peak energy",
                        "non-bypassable charges on all energy delivered");
        assertThat(bill.lines())
                .extracting(LineItem::amount)
                .containsExactly(money("-1.50"), money("2.50"), money("0.72"));
        assertThat(bill.total()).isEqualTo(money("1.72"));
        assertThat(bill.exportWh()).isEqualTo(24_000);
    }

    @Test
    void netBillingChargesEveryImportedKwhAndCreditsEveryExportedKwh() {
        // The same day on net billing: on-peak 5 kWh × $0.50 = $2.50; off-peak 19 kWh × $0.30 = $5.70;
        // export 24 kWh × −$0.05 = −$1.20; non-bypassable 24 kWh × $0.03 = $0.72; total $7.72.
        Bill bill = BillCalculator.bill(
                NET_BILLING,
                period("2026-07-01", "2026-07-02"),
                rows("2026-07-01", "2026-07-02", t -> 250, DemandAndExportBillTest::solar));

        assertThat(bill.lines())
                .extracting(LineItem::amount)
                .containsExactly(money("5.70"), money("-1.20"), money("2.50"), money("0.72"));
        assertThat(bill.total()).isEqualTo(money("7.72"));
    }

    @Test
    void theMinimumBillTopsUpABillThatExportCreditsPushBelowIt() {
        // Saturday July 4 2026 (all off-peak), import 1 kW all day = 24 kWh, export 6 kW 10:00–14:00 = 24 kWh
        // plus 3 kW 14:00–16:00 = 6 kWh, 30 kWh in all:
        //   off-peak net 24 − 30 = −6 kWh × −$0.30 = −$1.80; non-bypassable 24 kWh × $0.03 = $0.72
        //   charges −$1.08 < minimum 1 day × $0.35 = $0.35: adjustment $0.35 − (−$1.08) = $1.43; total $0.35.
        Bill bill = BillCalculator.bill(
                NET_METERING,
                period("2026-07-04", "2026-07-05"),
                rows(
                        "2026-07-04",
                        "2026-07-05",
                        t -> 250,
                        t -> t.getHour() >= 14 && t.getHour() < 16 ? 750 : solar(t)));

        assertThat(bill.lines())
                .extracting(LineItem::amount)
                .containsExactly(money("-1.80"), money("0.72"), money("1.43"));
        assertThat(bill.lines().get(2).kind()).isEqualTo(LineItem.Kind.MINIMUM_BILL);
        assertThat(bill.total()).isEqualTo(money("0.35"));
    }

    @Test
    void exportOnAPlanWithoutExportTermsIsNotedNotCredited() {
        Bill bill = BillCalculator.bill(
                DEMAND,
                period("2026-07-01", "2026-07-02"),
                rows("2026-07-01", "2026-07-02", t -> 250, DemandAndExportBillTest::solar));

        assertThat(bill.lines()).noneMatch(line -> line.kind() == LineItem.Kind.EXPORT_CREDIT);
        assertThat(bill.notes()).anyMatch(note -> note.startsWith("24.000 kWh exported are not credited"));
    }

    @Test
    void missingIntervalsAreCountedAndNoted() {
        IntervalRows rows = rows("2026-07-01", "2026-07-02", t -> 250, null);
        // One day's bill over data whose day after is missing entirely would miss nothing; ask one day more.
        Bill bill = BillCalculator.bill(DEMAND, period("2026-07-01", "2026-07-04"), rows);

        // July 3 is absent (rows cover June 30 to July 2 local): 96 quarter-hours missing.
        assertThat(bill.missingIntervals()).isEqualTo(96);
        assertThat(bill.notes()).anyMatch(note -> note.startsWith("96 intervals had no value"));
    }

    static long solar(LocalDateTime local) {
        return local.getHour() >= 10 && local.getHour() < 14 ? 1_500 : 0;
    }

    static long spiky(LocalDateTime local) {
        if (local.equals(LocalDateTime.parse("2026-07-01T10:00"))) {
            return 3_000;
        }
        if (local.toLocalDate().toString().equals("2026-07-02") && local.getHour() == 17) {
            return local.getMinute() == 15 ? 2_000 : 1_000;
        }
        return 250;
    }
}
