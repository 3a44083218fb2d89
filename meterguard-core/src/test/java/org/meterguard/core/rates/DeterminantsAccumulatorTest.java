package org.meterguard.core.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.meterguard.core.Channel.ACTIVE_ENERGY_EXPORT;
import static org.meterguard.core.Channel.ACTIVE_ENERGY_IMPORT;
import static org.meterguard.core.rates.Plans.PACIFIC;
import static org.meterguard.core.rates.Plans.SUMMER;
import static org.meterguard.core.rates.Plans.WINTER;
import static org.meterguard.core.rates.TouPeriod.OFF_PEAK;
import static org.meterguard.core.rates.TouPeriod.ON_PEAK;
import static org.meterguard.core.rates.TouPeriod.SUPER_OFF_PEAK;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.MeterId;

class DeterminantsAccumulatorTest {
    private static final IntervalGrid GRID = IntervalGrid.QUARTER_HOURLY;
    private static final MeterId METER = MeterId.of("MG-000001");

    private final TouCalendar residential = new TouCalendar(Plans.residential(), PACIFIC, GRID);
    private final TouCalendar ev = new TouCalendar(Plans.electricVehicle(), PACIFIC, GRID);

    @Test
    void billsTheSpringForwardDayAsTwentyThreeHours() {
        DeterminantsAccumulator accumulator = ev.accumulator(new BillingPeriod(day("2026-03-08"), day("2026-03-09")));
        assertThat(accumulator.utcDays()).containsExactly(day("2026-03-08"), day("2026-03-09"));

        Determinants bill = bill(accumulator, rows(accumulator, t -> slotNumber(t), t -> true), null);

        // Super-off-peak 00:00–06:00 lost its 02:00 hour; 06:00–24:00 is whole.
        assertThat(bill.intervals()).isEqualTo(92);
        assertThat(only(bill, SUPER_OFF_PEAK).intervals()).isEqualTo(20);
        assertThat(only(bill, OFF_PEAK).intervals()).isEqualTo(72);
        assertThat(bill.importWh())
                .isEqualTo(referenceSum("2026-03-08T08:00:00Z", "2026-03-09T07:00:00Z", t -> slotNumber(t)));
        assertThat(bill.isComplete()).isTrue();
    }

    @Test
    void billsTheFallBackDayAsTwentyFiveHoursCountingTheRepeatedHourTwice() {
        DeterminantsAccumulator accumulator = ev.accumulator(new BillingPeriod(day("2026-11-01"), day("2026-11-02")));

        Determinants bill = bill(accumulator, rows(accumulator, t -> 10, t -> true), null);

        // 01:00–02:00 happens twice (PDT, then PST): both real hours are super-off-peak and billed.
        assertThat(bill.intervals()).isEqualTo(100);
        assertThat(only(bill, SUPER_OFF_PEAK).intervals()).isEqualTo(28);
        assertThat(bill.importWh(SUPER_OFF_PEAK)).isEqualTo(280);
        assertThat(bill.importWh(OFF_PEAK)).isEqualTo(720);
        assertThat(bill.importWh()).isEqualTo(1_000);
    }

    @Test
    void billsTheRepeatedHourAtItsRealInstants() {
        DeterminantsAccumulator accumulator = ev.accumulator(new BillingPeriod(day("2026-11-01"), day("2026-11-02")));
        Instant pdt = Instant.parse("2026-11-01T08:00:00Z");
        Instant pst = Instant.parse("2026-11-01T09:00:00Z");

        Determinants bill =
                bill(accumulator, rows(accumulator, t -> t.equals(pdt) ? 7 : t.equals(pst) ? 9 : 1, t -> true), null);

        assertThat(LocalDateTime.ofInstant(pdt, PACIFIC)).isEqualTo(LocalDateTime.ofInstant(pst, PACIFIC));
        assertThat(bill.peakDemand()).hasValue(Demand.of(pst, 9, 900));
        assertThat(bill.importWh()).isEqualTo(98 + 7 + 9);
    }

    @Test
    void billsALocalMonthFromTheUtcRowsItTouches() {
        DeterminantsAccumulator accumulator = residential.accumulator(BillingPeriod.monthOf(day("2026-03-15")));

        Determinants bill = bill(accumulator, rows(accumulator, t -> slotNumber(t) % 50, t -> true), null);

        assertThat(accumulator.utcDays())
                .hasSize(32)
                .startsWith(day("2026-03-01"))
                .endsWith(day("2026-04-01"));
        assertThat(bill.intervals()).isEqualTo(31 * 96 - 4);
        assertThat(bill.importWh())
                .isEqualTo(referenceSum("2026-03-01T08:00:00Z", "2026-04-01T07:00:00Z", t -> slotNumber(t) % 50));
        // 22 weekdays × 5 hours of on-peak.
        assertThat(only(bill, ON_PEAK).intervals()).isEqualTo(22 * 20);
    }

    @Test
    void matchesASlotBySlotReferenceAcrossSeasonsWithGapsAndExport() {
        Random random = new Random(42);
        BillingPeriod period = new BillingPeriod(day("2026-05-20"), day("2026-07-10"));
        DeterminantsAccumulator accumulator = residential.accumulator(period);
        List<LocalDate> days = accumulator.utcDays();
        DayRows imports = DayRows.of(days, t -> random.nextInt(2_000), t -> random.nextInt(50) != 0, GRID);
        DayRows exports = DayRows.of(days, t -> random.nextInt(800), t -> random.nextInt(30) != 0, GRID);

        Determinants bill = bill(accumulator, imports, exports);

        Map<SeasonPeriod, long[]> expected = reference(residential, period, imports, exports);
        assertThat(bill.byPeriod()).hasSize(expected.size());
        for (PeriodDeterminants actual : bill.byPeriod()) {
            long[] e = expected.get(actual.seasonPeriod());
            assertThat(new long[] {
                        actual.intervals(),
                        actual.importWh(),
                        actual.exportWh(),
                        actual.missingImportIntervals(),
                        actual.missingExportIntervals()
                    })
                    .as(actual.seasonPeriod().toString())
                    .containsExactly(e);
        }
        assertThat(bill.byPeriod().stream()
                        .mapToLong(PeriodDeterminants::importWh)
                        .sum())
                .isEqualTo(bill.importWh())
                .isEqualTo(bill.importWh(ON_PEAK) + bill.importWh(OFF_PEAK));
        assertThat(bill.netWh()).isEqualTo(bill.importWh() - bill.exportWh());
        assertThat(bill.netWh(ON_PEAK)).isEqualTo(bill.importWh(ON_PEAK) - bill.exportWh(ON_PEAK));
        assertThat(bill.peakDemand(ON_PEAK)).hasValue(referencePeak(residential, period, imports, ON_PEAK));
        assertThat(bill.peakDemand(OFF_PEAK)).hasValue(referencePeak(residential, period, imports, OFF_PEAK));
        assertThat(bill.peakDemand()).hasValue(referencePeak(residential, period, imports, null));
        assertThat(bill.of(new SeasonPeriod(WINTER, ON_PEAK))).isPresent();
        assertThat(bill.of(new SeasonPeriod(SUMMER, ON_PEAK))).isPresent();
    }

    @Test
    void billsRowsWithTheMissingSentinelAsRowsWithPresenceFlags() {
        Random random = new Random(7);
        DeterminantsAccumulator accumulator = ev.accumulator(BillingPeriod.monthOf(day("2026-11-10")));
        DayRows imports = rows(accumulator, t -> random.nextInt(3_000), t -> random.nextInt(40) != 0);
        DayRows exports = rows(accumulator, t -> random.nextInt(900), t -> random.nextInt(40) != 0);

        Determinants flagged = bill(accumulator, imports, exports);
        accumulator.start(METER, true);
        imports.feedWithSentinel(accumulator, ACTIVE_ENERGY_IMPORT);
        exports.feedWithSentinel(accumulator, ACTIVE_ENERGY_EXPORT);
        Determinants sentinel = accumulator.finish();

        assertThat(sentinel).isEqualTo(flagged);
        assertThat(sentinel.missingImportIntervals()).isPositive();
        assertThat(sentinel.missingExportIntervals()).isPositive();
        assertThat(sentinel.intervals()).isEqualTo(30 * 96 + 4);
    }

    @Test
    void findsThePeakDemandAndItsIntervalOverallAndPerPeriod() {
        DeterminantsAccumulator accumulator = residential.accumulator(BillingPeriod.monthOf(day("2026-07-01")));
        Instant onPeak = Instant.parse("2026-07-01T23:15:00Z"); // Wednesday 16:15 PDT
        Instant offPeak = Instant.parse("2026-07-12T03:30:00Z"); // Saturday 20:30 PDT: a weekend
        Instant gap = Instant.parse("2026-07-01T23:30:00Z"); // in the same on-peak run as the peak

        Determinants bill = bill(
                accumulator,
                rows(accumulator, t -> t.equals(onPeak) ? 900 : t.equals(offPeak) ? 700 : 100, t -> !t.equals(gap)),
                null);

        assertThat(bill.peakDemand()).hasValue(new Demand(onPeak, 900, 3_600));
        assertThat(bill.peakDemand(ON_PEAK)).hasValue(new Demand(onPeak, 900, 3_600));
        assertThat(bill.peakDemand(OFF_PEAK)).hasValue(new Demand(offPeak, 700, 2_800));
        assertThat(bill.missingImportIntervals()).isEqualTo(1);
    }

    @Test
    void reportsTheEarliestOfEqualPeaksWhateverOrderTheDaysCome() {
        DeterminantsAccumulator accumulator = residential.accumulator(BillingPeriod.monthOf(day("2026-07-01")));
        Instant first = Instant.parse("2026-07-06T18:00:00Z");
        Instant second = Instant.parse("2026-07-20T18:00:00Z");
        DayRows rows = rows(accumulator, t -> t.equals(first) || t.equals(second) ? 500 : 5, t -> true);
        accumulator.start(METER, false);
        List<LocalDate> reversed = new ArrayList<>(accumulator.utcDays());
        Collections.reverse(reversed);
        for (LocalDate d : reversed) {
            accumulator.addDay(ACTIVE_ENERGY_IMPORT, d, rows.values.get(d), rows.present.get(d));
        }

        assertThat(accumulator.finish().peakDemand().orElseThrow().intervalStart())
                .isEqualTo(first);
    }

    @Test
    void reportsTheEarliestOfEqualPeaksAcrossSeasons() {
        DeterminantsAccumulator accumulator =
                residential.accumulator(new BillingPeriod(day("2026-05-25"), day("2026-06-05")));
        Instant winter = Instant.parse("2026-05-28T23:30:00Z"); // Thursday 16:30 PDT
        Instant summer = Instant.parse("2026-06-02T23:30:00Z"); // Tuesday 16:30 PDT

        Determinants bill = bill(
                accumulator, rows(accumulator, t -> t.equals(winter) || t.equals(summer) ? 800 : 8, t -> true), null);

        assertThat(bill.of(new SeasonPeriod(SUMMER, ON_PEAK)).orElseThrow().peakDemand())
                .hasValue(new Demand(summer, 800, 3_200));
        assertThat(bill.peakDemand(ON_PEAK)).hasValue(new Demand(winter, 800, 3_200));
        assertThat(bill.peakDemand()).hasValue(new Demand(winter, 800, 3_200));
    }

    @Test
    void countsMissingSlotsAndDaysNeverFedWithoutTheirValues() {
        BillingPeriod period = new BillingPeriod(day("2026-07-06"), day("2026-07-08")); // Monday and Tuesday
        DeterminantsAccumulator accumulator = residential.accumulator(period);
        Instant missing = Instant.parse("2026-07-06T23:00:00Z"); // Monday 16:00 PDT, on-peak
        DayRows imports = rows(accumulator, t -> 4, t -> !t.equals(missing));
        imports.values.remove(day("2026-07-08"));
        imports.present.remove(day("2026-07-08")); // 00:00–07:00 UTC: Tuesday 17:00–24:00 PDT, never fed
        DayRows exports = rows(accumulator, t -> 1, t -> true);
        exports.values.remove(day("2026-07-07"));
        exports.present.remove(day("2026-07-07"));

        Determinants bill = bill(accumulator, imports, exports);

        assertThat(bill.intervals()).isEqualTo(192);
        assertThat(bill.missingImportIntervals()).isEqualTo(1 + 28);
        assertThat(only(bill, ON_PEAK).missingImportIntervals()).isEqualTo(1 + 16);
        assertThat(bill.importWh()).isEqualTo(4 * (192 - 29));
        assertThat(bill.missingExportIntervals()).isEqualTo(96);
        assertThat(bill.exportWh()).isEqualTo(192 - 96);
        assertThat(bill.isComplete()).isFalse();
    }

    @Test
    void neverTakesAMissingSlotForThePeak() {
        DeterminantsAccumulator accumulator =
                residential.accumulator(new BillingPeriod(day("2026-07-04"), day("2026-07-05")));
        Instant first = Instant.parse("2026-07-04T07:00:00Z"); // Saturday 00:00 PDT

        Determinants bill = bill(accumulator, rows(accumulator, t -> 0, t -> !t.equals(first)), null);

        assertThat(bill.peakDemand()).hasValue(new Demand(first.plus(GRID.interval()), 0, 0));
        assertThat(bill.missingImportIntervals()).isEqualTo(1);
    }

    @Test
    void countsEveryIntervalMissingWhenNothingIsFed() {
        DeterminantsAccumulator accumulator = residential.accumulator(BillingPeriod.monthOf(day("2026-07-01")));
        accumulator.start(METER, true);

        Determinants bill = accumulator.finish();

        assertThat(bill.missingImportIntervals()).isEqualTo(bill.intervals()).isEqualTo(31 * 96);
        assertThat(bill.missingExportIntervals()).isEqualTo(31 * 96);
        assertThat(bill.peakDemand()).isEmpty();
        assertThat(bill.importWh()).isZero();
    }

    @Test
    void startsEachMeterFromNothing() {
        DeterminantsAccumulator accumulator = residential.accumulator(BillingPeriod.monthOf(day("2026-07-01")));
        bill(accumulator, rows(accumulator, t -> 1_000, t -> true), rows(accumulator, t -> 3, t -> true));

        accumulator.start(MeterId.of("MG-000002"), false);
        accumulator.addDay(ACTIVE_ENERGY_IMPORT, day("2026-07-10"), new long[96], allPresent());
        Determinants second = accumulator.finish();

        assertThat(second.meter()).isEqualTo(MeterId.of("MG-000002"));
        assertThat(second.importWh()).isZero();
        assertThat(second.exportWh()).isZero();
        assertThat(second.missingExportIntervals()).isZero();
        assertThat(second.missingImportIntervals()).isEqualTo(30 * 96);
        assertThat(second.peakDemand())
                .hasValueSatisfying(d -> assertThat(d.watts()).isZero());
    }

    @Test
    void refusesRowsThatDoNotBelong() {
        DeterminantsAccumulator accumulator = residential.accumulator(BillingPeriod.monthOf(day("2026-07-01")));
        assertThatThrownBy(
                        () -> accumulator.addDay(ACTIVE_ENERGY_IMPORT, day("2026-07-01"), new long[96], allPresent()))
                .isInstanceOf(IllegalStateException.class);
        accumulator.start(METER, false);

        assertThatThrownBy(
                        () -> accumulator.addDay(ACTIVE_ENERGY_IMPORT, day("2026-06-30"), new long[96], allPresent()))
                .hasMessage("UTC day 2026-06-30 holds no slot of billing period [2026-07-01, 2026-08-01)"
                        + " in America/Los_Angeles; feed 2026-07-01 to 2026-08-01");
        assertThatThrownBy(
                        () -> accumulator.addDay(ACTIVE_ENERGY_IMPORT, day("2026-07-02"), new long[24], allPresent()))
                .hasMessageContaining("has 24 values and 96 presence flags; the grid has 96 slots");
        assertThatThrownBy(
                        () -> accumulator.addDay(ACTIVE_ENERGY_EXPORT, day("2026-07-02"), new long[96], allPresent()))
                .hasMessageContaining("channel ACTIVE_ENERGY_EXPORT is not a metered energy channel of MG-000001");
        assertThatThrownBy(() -> accumulator.addDay(Channel.VOLTAGE_L1, day("2026-07-02"), new long[96], allPresent()))
                .hasMessageContaining("VOLTAGE_L1");
        accumulator.addDay(ACTIVE_ENERGY_IMPORT, day("2026-07-03"), new long[96], allPresent());
        assertThatThrownBy(
                        () -> accumulator.addDay(ACTIVE_ENERGY_IMPORT, day("2026-07-03"), new long[96], allPresent()))
                .hasMessage("row ACTIVE_ENERGY_IMPORT 2026-07-03 of MG-000001 is fed twice; each row counts once");
    }

    @Test
    void refusesAValueOutOfRangeNamingItsIntervalAndVoidsTheMeter() {
        DeterminantsAccumulator accumulator = residential.accumulator(BillingPeriod.monthOf(day("2026-07-01")));
        long[] large = new long[96];
        large[50] = 1L << 40;
        long[] negative = new long[96];
        negative[3] = -1;

        accumulator.start(METER, false);
        assertThatThrownBy(() -> accumulator.addDay(ACTIVE_ENERGY_IMPORT, day("2026-07-02"), large, allPresent()))
                .hasMessage("the ACTIVE_ENERGY_IMPORT value of MG-000001 at 2026-07-02T12:30:00Z is out of range;"
                        + " interval energies must be 0 to 2^40 - 1 Wh");
        assertThatThrownBy(() -> accumulator.addDay(ACTIVE_ENERGY_IMPORT, day("2026-07-03"), large, allPresent()))
                .isInstanceOf(IllegalStateException.class);
        accumulator.start(METER, true);
        assertThatThrownBy(() -> accumulator.addDay(ACTIVE_ENERGY_EXPORT, day("2026-07-03"), negative, allPresent()))
                .hasMessageContaining("ACTIVE_ENERGY_EXPORT value of MG-000001 at 2026-07-03T00:45:00Z");
        accumulator.start(METER, true);
        assertThatThrownBy(() -> accumulator.addDay(ACTIVE_ENERGY_EXPORT, day("2026-07-03"), negative))
                .hasMessageContaining("ACTIVE_ENERGY_EXPORT value of MG-000001 at 2026-07-03T00:45:00Z");
        long[] sentinelPresent = new long[96];
        sentinelPresent[7] = DeterminantsAccumulator.MISSING;
        accumulator.start(METER, true);
        assertThatThrownBy(() ->
                        accumulator.addDay(ACTIVE_ENERGY_IMPORT, day("2026-07-03"), sentinelPresent, allPresent()))
                .hasMessageContaining("ACTIVE_ENERGY_IMPORT value of MG-000001 at 2026-07-03T01:45:00Z");
        assertThatThrownBy(() -> accumulator.addDay(ACTIVE_ENERGY_IMPORT, day("2026-07-04"), new long[96]))
                .as("the meter is void after a refused value")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void billsTheLargestValueInRangeExactlyAndIgnoresAbsentSlotsWhateverTheyHold() {
        DeterminantsAccumulator accumulator = residential.accumulator(BillingPeriod.monthOf(day("2026-07-01")));
        long[] largest = new long[96];
        Arrays.fill(largest, (1L << 40) - 1);
        long[] garbage = new long[96];
        garbage[3] = Long.MIN_VALUE;
        garbage[4] = Long.MAX_VALUE;
        boolean[] absent = allPresent();
        absent[3] = false;
        absent[4] = false;

        accumulator.start(METER, false);
        accumulator.addDay(ACTIVE_ENERGY_IMPORT, day("2026-07-04"), largest, allPresent());
        accumulator.addDay(ACTIVE_ENERGY_IMPORT, day("2026-07-05"), garbage, absent);
        Determinants bill = accumulator.finish();

        assertThat(bill.importWh()).isEqualTo(96 * ((1L << 40) - 1));
        assertThat(bill.peakDemand().orElseThrow().watts()).isEqualTo(4 * ((1L << 40) - 1));
    }

    @Test
    void convertsIntervalEnergyToAveragePowerForTheGrid() {
        assertThat(Demand.of(Instant.EPOCH, 250, 900).watts()).isEqualTo(1_000);
        assertThat(Demand.of(Instant.EPOCH, 250, 300).watts()).isEqualTo(3_000);
        assertThat(Demand.of(Instant.EPOCH, 250, 3_600).watts()).isEqualTo(250);
        TouCalendar fiveMinutes =
                new TouCalendar(Plans.residential(), PACIFIC, new IntervalGrid(Duration.ofMinutes(5)));
        DeterminantsAccumulator accumulator =
                fiveMinutes.accumulator(new BillingPeriod(day("2026-07-01"), day("2026-07-02")));
        accumulator.start(METER, false);
        long[] values = new long[288];
        values[100] = 42;
        boolean[] present = new boolean[288];
        Arrays.fill(present, true);
        accumulator.addDay(ACTIVE_ENERGY_IMPORT, day("2026-07-01"), values, present);

        assertThat(accumulator.finish().peakDemand())
                .hasValue(new Demand(Instant.parse("2026-07-01T08:20:00Z"), 42, 504));
    }

    private static Determinants bill(DeterminantsAccumulator accumulator, DayRows imports, DayRows exports) {
        accumulator.start(METER, exports != null);
        imports.feed(accumulator, ACTIVE_ENERGY_IMPORT);
        if (exports != null) {
            exports.feed(accumulator, ACTIVE_ENERGY_EXPORT);
        }
        return accumulator.finish();
    }

    private static DayRows rows(
            DeterminantsAccumulator accumulator, ToLongFunction<Instant> value, Predicate<Instant> present) {
        return DayRows.of(accumulator.utcDays(), value, present, GRID);
    }

    /** The one entry of {@code period} (the tests using it bill a single season). */
    private static PeriodDeterminants only(Determinants bill, TouPeriod period) {
        List<PeriodDeterminants> matching =
                bill.byPeriod().stream().filter(p -> p.period().equals(period)).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    /** Sum of {@code value} over the intervals starting in {@code [from, to)}: what a bill of them must hold. */
    private static long referenceSum(String from, String to, ToLongFunction<Instant> value) {
        long sum = 0;
        for (Instant t = Instant.parse(from); t.isBefore(Instant.parse(to)); t = t.plus(GRID.interval())) {
            sum += value.applyAsLong(t);
        }
        return sum;
    }

    private static long slotNumber(Instant t) {
        return GRID.slotOf(t);
    }

    /** Per season-period: intervals, import, export, missing import, missing export, worked out slot by slot. */
    private static Map<SeasonPeriod, long[]> reference(
            TouCalendar calendar, BillingPeriod period, DayRows imports, DayRows exports) {
        Map<SeasonPeriod, long[]> result = new HashMap<>();
        Instant end = calendar.startOf(period.to());
        for (Instant t = calendar.startOf(period.from()); t.isBefore(end); t = t.plus(GRID.interval())) {
            SeasonPeriod key = calendar.schedule().seasonPeriodAt(LocalDateTime.ofInstant(t, calendar.zone()));
            long[] sums = result.computeIfAbsent(key, k -> new long[5]);
            sums[0]++;
            if (imports.isPresent(t, GRID)) {
                sums[1] += imports.value(t, GRID);
            } else {
                sums[3]++;
            }
            if (exports.isPresent(t, GRID)) {
                sums[2] += exports.value(t, GRID);
            } else {
                sums[4]++;
            }
        }
        return result;
    }

    /** The highest import interval in {@code period} ({@code null}: any), the earliest of equals, slot by slot. */
    private static Demand referencePeak(TouCalendar calendar, BillingPeriod billed, DayRows imports, TouPeriod period) {
        Demand peak = null;
        Instant end = calendar.startOf(billed.to());
        for (Instant t = calendar.startOf(billed.from()); t.isBefore(end); t = t.plus(GRID.interval())) {
            TouPeriod at = calendar.schedule().periodAt(LocalDateTime.ofInstant(t, calendar.zone()));
            if ((period == null || at.equals(period))
                    && imports.isPresent(t, GRID)
                    && (peak == null || imports.value(t, GRID) > peak.intervalWh())) {
                peak = Demand.of(t, imports.value(t, GRID), 900);
            }
        }
        return peak;
    }

    private static boolean[] allPresent() {
        boolean[] present = new boolean[96];
        Arrays.fill(present, true);
        return present;
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
