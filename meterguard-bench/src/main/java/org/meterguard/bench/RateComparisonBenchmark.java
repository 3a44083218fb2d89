package org.meterguard.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.rates.BillingPeriod;
import org.meterguard.core.rates.IntervalRows;
import org.meterguard.core.rates.PlanComparison;
import org.meterguard.core.rates.RatePlan;
import org.meterguard.core.rates.RatePlanYaml;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One rate comparison per operation, as a customer's request costs it once the data is read: a solar home's
 * meter-year of 15-minute import and export (2025-11 to 2026-10 in America/Los_Angeles, 35,040 intervals per
 * channel) in {@link IntervalRows}, billed month by month on four plans shaped like the shipped examples (flat,
 * tiered with seasonal baseline, time-of-use with holidays and net metering, EV time-of-use with net billing): 48
 * bills with their determinants, line items and the month's data quality. Plans are parsed once, as the server
 * keeps them; reading the rows from PostgreSQL is not included (see the store benchmark for a year's read).
 *
 * <pre>
 * ./mvnw -q -DskipTests -pl meterguard-bench -am package
 * java -cp meterguard-bench/target/benchmarks.jar org.openjdk.jmh.Main RateComparisonBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RateComparisonBenchmark {
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final String SEASONS = """
                seasons:
                  - {name: summer, from: 06-01, to: 09-30, weekdays: {on-peak: "16:00-21:00", otherwise: off-peak},
                     weekends: {otherwise: off-peak}}
                  - {name: winter, from: 10-01, to: 05-31, weekdays: {on-peak: "16:00-21:00", otherwise: off-peak},
                     weekends: {otherwise: off-peak}}
            """;
    private static final String HEAD = """
            customerClass: residential
            zone: America/Los_Angeles
            holidays: us-utility-tou
            versions:
              - effective: 2025-01-01
            """;
    private static final List<String> PLANS = List.of(
            "id: flat\nname: Flat\n" + HEAD + """
                energy: {flat: 0.31}
                export: {netting: per-period, creditPerKwh: retail}
                nonBypassablePerKwh: 0.025
                fixed: [{name: base services charge, perDay: 0.40}]
                minimumPerDay: 0.35
            """,
            "id: tiered\nname: Tiered\n" + HEAD + SEASONS + """
                energy:
                  tiered:
                    baselineKwhPerDay: {summer: 12.0, winter: 9.5}
                    tiers: [{upToBaselinePercent: 100, price: 0.28}, {upToBaselinePercent: 400, price: 0.36}, {price: 0.45}]
                export: {netting: per-period, creditPerKwh: retail}
                fixed: [{name: base services charge, perDay: 0.40}]
            """,
            "id: tou\nname: TOU\n" + HEAD + SEASONS + """
                energy:
                  timeOfUse: {summer: {on-peak: 0.52, off-peak: 0.30}, winter: {on-peak: 0.40, off-peak: 0.29}}
                export: {netting: per-period, creditPerKwh: retail}
                nonBypassablePerKwh: 0.025
                minimumPerDay: 0.35
            """,
            "id: ev\nname: EV\n" + HEAD + """
                seasons:
                  - name: all-year
                    from: 01-01
                    to: 12-31
                    weekdays: {super-off-peak: "00:00-06:00", on-peak: "16:00-21:00", otherwise: off-peak}
                    weekends: {super-off-peak: "00:00-06:00", otherwise: off-peak}
                energy:
                  timeOfUse: {all-year: {super-off-peak: 0.16, off-peak: 0.33, on-peak: 0.55}}
                export: {netting: none, creditPerKwh: 0.06}
                fixed: [{name: customer charge, perMonth: 12.00}]
            """);

    private List<RatePlan> plans;
    private List<BillingPeriod> months;
    private IntervalRows rows;

    @Setup
    public void setUp() {
        plans = PLANS.stream()
                .map(yaml -> RatePlanYaml.plan(
                        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                        "benchmark.yaml",
                        RatePlanYaml.builtInHolidayCalendars()))
                .toList();
        months = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2025, 11); !m.isAfter(YearMonth.of(2026, 10)); m = m.plusMonths(1)) {
            months.add(new BillingPeriod(m.atDay(1), m.plusMonths(1).atDay(1)));
        }
        SplittableRandom random = new SplittableRandom(42);
        IntervalRows.Builder builder = IntervalRows.builder(MeterId.of("MG-BENCH-1"), IntervalGrid.QUARTER_HOURLY);
        Instant end = LocalDate.of(2026, 11, 1).atStartOfDay(PACIFIC).toInstant();
        for (Instant t = LocalDate.of(2025, 11, 1).atStartOfDay(PACIFIC).toInstant();
                t.isBefore(end);
                t = t.plusSeconds(900)) {
            int hour = LocalDateTime.ofInstant(t, PACIFIC).getHour();
            builder.put(
                    Channel.ACTIVE_ENERGY_IMPORT,
                    t,
                    60 + random.nextInt(hour >= 16 && hour < 21 ? 400 : 200),
                    ReadingQuality.VALID);
            builder.put(
                    Channel.ACTIVE_ENERGY_EXPORT,
                    t,
                    hour >= 9 && hour < 16 ? random.nextInt(700) : 0,
                    ReadingQuality.VALID);
        }
        rows = builder.build();
    }

    @Benchmark
    public PlanComparison meterYearOnFourPlans() {
        return PlanComparison.of(plans, months, PACIFIC, rows);
    }
}
