package org.meterguard.server.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.TimeRange;
import org.meterguard.server.MeterguardApplication;
import org.meterguard.server.accounts.Placements;
import org.meterguard.server.aggregates.AggregateReleases;
import org.meterguard.server.aggregates.AggregateRequest;
import org.meterguard.server.aggregates.AreaKind;
import org.meterguard.server.aggregates.PeriodKind;
import org.meterguard.server.aggregates.ReleaseOutcome;
import org.meterguard.server.audit.Actor;
import org.meterguard.server.readings.IntervalDay;
import org.meterguard.server.readings.ReadingStore;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The aggregate release benchmark: a 15/15 (D.14-05-016) release by feeder × customer class over one day of a fleet
 * of {@code --meters} meters (90% residential, 10% commercial, feeders of 1,999 meters), through the real
 * {@link AggregateReleases} in the server's Spring context on embedded PostgreSQL: the day's rows streamed with their
 * placements in {@code --streams} parallel meter ranges, the policy applied, the release recorded and audited. The
 * fleet is loaded first (not timed). Run:
 *
 * <pre>
 * meterguard-server/aggregate-benchmark.sh --meters 1000000 [--streams 2] [--runs 3] [--data-dir DIR]
 * </pre>
 *
 * <p>With {@code --data-dir}, a fleet already loaded there by an earlier run is used as it is (the schema migrated
 * by the code under test), so that two versions of the code can be compared, digests included, on the same data.
 */
public final class AggregateBenchmark {
    private static final LocalDate DAY = LocalDate.of(2026, 10, 14);
    private static final int FEEDER_METERS = 1999;
    private static final int BATCH_DAYS = 10_000;

    public static void main(String[] args) throws Exception {
        int meters = intArg(args, "--meters", 1_000_000);
        int streams = intArg(args, "--streams", 2);
        int runs = intArg(args, "--runs", 3);
        String kept = stringArg(args, "--data-dir", null);
        Path data = kept == null ? Files.createTempDirectory("meterguard-aggregate-bench") : Path.of(kept);
        try (ConfigurableApplicationContext context = SpringApplication.run(
                MeterguardApplication.class,
                "--meterguard.data-dir=" + data,
                "--server.port=0",
                "--meterguard.headend.port=0",
                "--meterguard.headend.tls.enabled=false",
                "--meterguard.demo.enabled=false",
                "--meterguard.retention.enabled=false",
                "--meterguard.aggregates.streams=" + streams,
                "--logging.level.root=warn")) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            long load = System.nanoTime();
            long present =
                    jdbc.sql("SELECT count(*) FROM meter").query(Long.class).single();
            if (present == 0) {
                fleet(jdbc, meters);
                days(context.getBean(ReadingStore.class), meters, streams);
                jdbc.sql("VACUUM ANALYZE").update();
                System.out.printf(
                        Locale.ROOT,
                        "fleet of %,d meters loaded in %.1f s (not timed below)%n",
                        meters,
                        (System.nanoTime() - load) / 1e9);
            } else if (present != meters
                    || jdbc.sql("SELECT count(*) FROM interval_day")
                                    .query(Long.class)
                                    .single()
                            != meters) {
                throw new IllegalStateException(data + " holds a fleet of " + present
                        + " meters, not a complete one of " + meters + "; remove it and run again");
            } else {
                System.out.printf(Locale.ROOT, "fleet of %,d meters kept in %s (not loaded again)%n", meters, data);
            }
            parts(context, streams);
            AggregateReleases releases = context.getBean(AggregateReleases.class);
            AggregateRequest request = new AggregateRequest(
                    Channel.ACTIVE_ENERGY_IMPORT, DAY, DAY, AreaKind.FEEDER, PeriodKind.DAY, true, List.of());
            Actor actor = new Actor("aggregate-benchmark", "PRIVACY_OFFICER", "");
            for (int run = 1; run <= runs; run++) {
                long start = System.nanoTime();
                ReleaseOutcome outcome = releases.release(request, actor);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(
                        Locale.ROOT,
                        "run %d: 15/15 release by feeder x class over %,d meter-days: %.2f s (%d cells released,"
                                + " %d suppressed, %d rows read, sha256 %s…)%n",
                        run,
                        meters,
                        seconds,
                        outcome.release().released().size(),
                        outcome.release().suppressed().size(),
                        outcome.rowsRead(),
                        outcome.sha256().substring(0, 12));
            }
            System.out.printf(
                    Locale.ROOT, "%d cores, %d streams%n", Runtime.getRuntime().availableProcessors(), streams);
        }
    }

    /** Each part alone: the projection's placements, and the placed day rows in one stream. */
    private static void parts(ConfigurableApplicationContext context, int streams) {
        Placements placements = context.getBean(Placements.class);
        long start = System.nanoTime();
        long[] count = {0};
        placements.stream(
                new TimeRange(DAY.atStartOfDay(ZoneOffset.UTC).toInstant(), Instant.parse("2026-10-15T00:00:00Z")),
                p -> count[0]++);
        System.out.printf(
                Locale.ROOT,
                "  placements alone (projection): %,d in %.2f s%n",
                count[0],
                (System.nanoTime() - start) / 1e9);
        if (System.getProperty("explain") != null) {
            explain(context);
        }
        start = System.nanoTime();
        long rows = placements.streamPlacedDays(
                Channel.ACTIVE_ENERGY_IMPORT,
                DAY,
                DAY,
                Placements.Area.FEEDER,
                null,
                null,
                (account, area, accountClass, day, values) -> {});
        System.out.printf(
                Locale.ROOT,
                "  placed day rows streamed alone, one stream: %,d in %.2f s%n",
                rows,
                (System.nanoTime() - start) / 1e9);
    }

    /** Prints the placed day rows' plan and timing (for the record in benchmarks.md). */
    private static void explain(ConfigurableApplicationContext context) {
        String sql = "EXPLAIN (ANALYZE) "
                + Placements.placedDays(Channel.ACTIVE_ENERGY_IMPORT, DAY, DAY, Placements.Area.FEEDER, null, null);
        try (java.sql.Connection connection =
                        context.getBean(javax.sql.DataSource.class).getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            for (String setting : new String[] {"enable_sort", "enable_hashjoin", "enable_nestloop"}) {
                statement.execute("SET " + setting + " = off");
            }
            System.out.println("  plan:");
            try (java.sql.ResultSet plan = statement.executeQuery(sql)) {
                while (plan.next()) {
                    System.out.println("    " + plan.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void fleet(JdbcClient jdbc, int meters) {
        String series = " FROM generate_series(0, " + (meters - 1) + ") i";
        String n = "lpad(i::text, 8, '0')";
        jdbc.sql("INSERT INTO meter (meter_id, system_title, model) SELECT 'MG-' || " + n + ", i, 'MG-SIM-R1'" + series)
                .update();
        jdbc.sql("INSERT INTO service_point (service_point_id, feeder, zone) SELECT 'SP-' || " + n
                        + ", 'F-' || lpad((i / " + FEEDER_METERS + ")::text, 4, '0'), 'Z-' || (i / 100000)" + series)
                .update();
        jdbc.sql("INSERT INTO meter_installation (meter_id, service_point_id, installed_at) SELECT 'MG-' || " + n
                        + ", 'SP-' || " + n + ", '2025-01-01T00:00:00Z'" + series)
                .update();
        jdbc.sql("INSERT INTO customer_account (account_id, account_class, opened_at) SELECT 'ACC-' || " + n
                        + ", CASE WHEN i % 10 = 0 THEN 'COMMERCIAL' ELSE 'RESIDENTIAL' END, '2025-01-01T00:00:00Z'"
                        + series)
                .update();
        jdbc.sql("INSERT INTO occupancy (account_id, service_point_id, move_in) SELECT 'ACC-' || " + n + ", 'SP-' || "
                        + n + ", '2025-01-01T00:00:00Z'" + series)
                .update();
    }

    private static void days(ReadingStore store, int meters, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        for (int first = 0; first < meters; first += BATCH_DAYS) {
            int from = first;
            int to = Math.min(meters, first + BATCH_DAYS);
            work.add(pool.submit(() -> {
                List<IntervalDay> batch = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    batch.add(day(i));
                }
                store.mergeDays(batch);
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
    }

    private static IntervalDay day(int meter) {
        IntervalDay day = new IntervalDay(
                MeterId.of(String.format("MG-%08d", meter)),
                Channel.ACTIVE_ENERGY_IMPORT,
                IntervalGrid.QUARTER_HOURLY,
                DAY);
        SplittableRandom random = new SplittableRandom(meter * 31L);
        int scale = meter % 10 == 0 ? 6 : 1;
        for (int slot = 0; slot < 96; slot++) {
            day.fill(slot, (50 + random.nextInt(1_500)) * (long) scale, ReadingQuality.RAW);
        }
        return day;
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1].replace("_", ""));
            }
        }
        return fallback;
    }
}
