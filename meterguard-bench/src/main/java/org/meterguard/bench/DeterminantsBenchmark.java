package org.meterguard.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.MeterId;
import org.meterguard.core.rates.BillingPeriod;
import org.meterguard.core.rates.DaySchedule;
import org.meterguard.core.rates.Determinants;
import org.meterguard.core.rates.DeterminantsAccumulator;
import org.meterguard.core.rates.Season;
import org.meterguard.core.rates.TouCalendar;
import org.meterguard.core.rates.TouPeriod;
import org.meterguard.core.rates.TouSchedule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Time-of-use billing determinants of one meter-month per operation: July 2026 of 15-minute import and export rows
 * fed day by day to a reused {@link DeterminantsAccumulator} under a two-season EV plan (super-off-peak, mid-peak
 * and on-peak on summer weekdays, off-peak, a holiday), then {@link DeterminantsAccumulator#finish()}. In {@code UTC}
 * the month is 31 rows per channel; in {@code America/Los_Angeles} the local month touches 32 UTC rows per channel,
 * the first and last in part (31 × 96 slots billed either way). About one slot in a thousand is missing. The months
 * of {@code meters} meters rotate: 1 keeps a month's rows (49 KB) in the L2 cache, as rows just decoded from a
 * database cursor are; 64 (3.1 MB) do not. Reading from PostgreSQL is not included.
 *
 * <ul>
 *   <li>{@link #meterMonth}: rows in the fast form, {@link DeterminantsAccumulator#MISSING} in the empty slots;
 *   <li>{@link #meterMonthWithPresenceFlags}: rows as values and {@code boolean[]} presence flags.
 * </ul>
 *
 * Score: ns per meter-month, so the computation for 1,000,000 meter-months takes {@code score / 1000} seconds on one
 * core. {@link #main} prints that figure after the JMH run; with {@code --cpu-time} it measures thread CPU time in
 * this JVM instead, for a machine other work shares.
 *
 * <pre>
 * ./mvnw -q -o install -pl meterguard-core -DskipTests &amp;&amp; ./mvnw -q -o package -pl meterguard-bench -DskipTests
 * java -cp meterguard-bench/target/benchmarks.jar org.meterguard.bench.DeterminantsBenchmark [JMH options]
 * java -cp meterguard-bench/target/benchmarks.jar org.meterguard.bench.DeterminantsBenchmark --cpu-time
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DeterminantsBenchmark {
    static final BillingPeriod JULY = BillingPeriod.monthOf(LocalDate.of(2026, 7, 1));
    static final int SLOTS = 96;

    @Param({"America/Los_Angeles", "UTC"})
    String zone;

    @Param({"1", "64"})
    int meters;

    DeterminantsAccumulator accumulator;
    LocalDate[] days;
    MeterId[] ids;
    long[][][] imports;
    long[][][] exports;
    long[][][] importValues;
    long[][][] exportValues;
    boolean[][][] importPresent;
    boolean[][][] exportPresent;
    int next;

    @Setup
    public void months() {
        TouCalendar calendar = new TouCalendar(evPlan(), ZoneId.of(zone), IntervalGrid.QUARTER_HOURLY);
        accumulator = calendar.accumulator(JULY);
        days = accumulator.utcDays().toArray(new LocalDate[0]);
        SplittableRandom random = new SplittableRandom(2026);
        ids = new MeterId[meters];
        imports = new long[meters][days.length][];
        exports = new long[meters][days.length][];
        importValues = new long[meters][days.length][];
        exportValues = new long[meters][days.length][];
        importPresent = new boolean[meters][days.length][];
        exportPresent = new boolean[meters][days.length][];
        for (int m = 0; m < meters; m++) {
            ids[m] = MeterId.of(String.format("MG-%06d", m));
            for (int d = 0; d < days.length; d++) {
                imports[m][d] = row(random, 2_000);
                exports[m][d] = row(random, 1_200);
                importPresent[m][d] = presence(imports[m][d]);
                exportPresent[m][d] = presence(exports[m][d]);
                importValues[m][d] = imports[m][d].clone();
                exportValues[m][d] = exports[m][d].clone();
            }
        }
    }

    @Benchmark
    public Determinants meterMonth() {
        int m = nextMeter();
        DeterminantsAccumulator acc = accumulator;
        acc.start(ids[m], true);
        for (int d = 0; d < days.length; d++) {
            acc.addDay(Channel.ACTIVE_ENERGY_IMPORT, days[d], imports[m][d]);
            acc.addDay(Channel.ACTIVE_ENERGY_EXPORT, days[d], exports[m][d]);
        }
        return acc.finish();
    }

    @Benchmark
    public Determinants meterMonthWithPresenceFlags() {
        int m = nextMeter();
        DeterminantsAccumulator acc = accumulator;
        acc.start(ids[m], true);
        for (int d = 0; d < days.length; d++) {
            acc.addDay(Channel.ACTIVE_ENERGY_IMPORT, days[d], importValues[m][d], importPresent[m][d]);
            acc.addDay(Channel.ACTIVE_ENERGY_EXPORT, days[d], exportValues[m][d], exportPresent[m][d]);
        }
        return acc.finish();
    }

    private int nextMeter() {
        int m = next;
        next = m + 1 == meters ? 0 : m + 1;
        return m;
    }

    /**
     * Runs the benchmark (JMH options may be given) and prints what each score implies for 1,000,000 meter-months;
     * with {@code --cpu-time}, measures thread CPU time per meter-month in this JVM instead of wall time.
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--cpu-time")) {
            cpuTime();
            return;
        }
        String[] jmh = args.length == 0 ? new String[] {DeterminantsBenchmark.class.getSimpleName()} : args;
        for (RunResult result : new Runner(new CommandLineOptions(jmh)).run()) {
            print(
                    result.getParams().getBenchmark().replaceAll(".*\\.", "")
                            + " zone=" + result.getParams().getParam("zone")
                            + " meters=" + result.getParams().getParam("meters")
                            + " threads=" + result.getParams().getThreads(),
                    result.getPrimaryResult().getScore());
        }
    }

    private static void cpuTime() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String zone : List.of("America/Los_Angeles", "UTC")) {
            for (int meters : new int[] {1, 64}) {
                DeterminantsBenchmark bench = new DeterminantsBenchmark();
                bench.zone = zone;
                bench.meters = meters;
                bench.months();
                for (boolean flags : new boolean[] {false, true}) {
                    double best = Double.MAX_VALUE;
                    long sink = 0;
                    for (int round = 0; round < 10; round++) {
                        int ops = 20_000;
                        long cpu = threads.getCurrentThreadCpuTime();
                        for (int i = 0; i < ops; i++) {
                            sink += (flags ? bench.meterMonthWithPresenceFlags() : bench.meterMonth()).importWh();
                        }
                        best = Math.min(best, (threads.getCurrentThreadCpuTime() - cpu) / (double) ops);
                    }
                    print(
                            (flags ? "meterMonthWithPresenceFlags" : "meterMonth") + " zone=" + zone + " meters="
                                    + meters + " (thread CPU time, best of 10 rounds; checksum " + sink % 1000 + ")",
                            best);
                }
            }
        }
    }

    private static void print(String what, double nsPerMeterMonth) {
        System.out.printf(
                "%s: %.0f ns per meter-month -> 1,000,000 meter-months in %.1f s on one core%n",
                what, nsPerMeterMonth, nsPerMeterMonth / 1_000.0);
    }

    /** A day of values with {@link DeterminantsAccumulator#MISSING} in about one slot in a thousand. */
    private static long[] row(SplittableRandom random, int bound) {
        long[] values = new long[SLOTS];
        for (int slot = 0; slot < SLOTS; slot++) {
            values[slot] = random.nextInt(1_000) == 0 ? DeterminantsAccumulator.MISSING : random.nextInt(bound);
        }
        return values;
    }

    private static boolean[] presence(long[] values) {
        boolean[] present = new boolean[SLOTS];
        for (int slot = 0; slot < SLOTS; slot++) {
            present[slot] = values[slot] != DeterminantsAccumulator.MISSING;
        }
        return present;
    }

    static TouSchedule evPlan() {
        DaySchedule summerWeekdays = DaySchedule.builder()
                .window(TouPeriod.SUPER_OFF_PEAK, "00:00", "06:00")
                .window(TouPeriod.MID_PEAK, "15:00", "16:00")
                .window(TouPeriod.ON_PEAK, "16:00", "21:00")
                .window(TouPeriod.MID_PEAK, "21:00", "24:00")
                .otherwise(TouPeriod.OFF_PEAK)
                .build();
        DaySchedule winterWeekdays = DaySchedule.builder()
                .window(TouPeriod.SUPER_OFF_PEAK, "00:00", "06:00")
                .window(TouPeriod.ON_PEAK, "16:00", "21:00")
                .otherwise(TouPeriod.OFF_PEAK)
                .build();
        DaySchedule weekends = DaySchedule.builder()
                .window(TouPeriod.SUPER_OFF_PEAK, "00:00", "06:00")
                .otherwise(TouPeriod.OFF_PEAK)
                .build();
        return TouSchedule.builder()
                .season(new Season("summer", MonthDay.of(6, 1), MonthDay.of(9, 30)), summerWeekdays, weekends)
                .season(new Season("winter", MonthDay.of(10, 1), MonthDay.of(5, 31)), winterWeekdays, weekends)
                .holidays(List.of(LocalDate.of(2026, 7, 3)))
                .build();
    }
}
