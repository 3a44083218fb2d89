package org.meterguard.server.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.TimeRange;
import org.meterguard.core.rates.BillingPeriod;
import org.meterguard.core.rates.DaySchedule;
import org.meterguard.core.rates.DeterminantsAccumulator;
import org.meterguard.core.rates.Season;
import org.meterguard.core.rates.TouCalendar;
import org.meterguard.core.rates.TouPeriod;
import org.meterguard.core.rates.TouSchedule;
import org.meterguard.server.MeterguardApplication;
import org.meterguard.server.greenbutton.HistoryImport;
import org.meterguard.server.greenbutton.ImportProgress;
import org.meterguard.server.readings.IntervalDay;
import org.meterguard.server.readings.ReadingStore;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The meter data store's benchmark, at the store level: the real {@link ReadingStore} in the real server context
 * on embedded PostgreSQL with fsync and synchronous commit on, against a row-per-reading baseline (one row per
 * reading with a primary key, batched INSERT … ON CONFLICT DO NOTHING) in the same database and run. Prints a
 * table. It lives in the server's test tree, not in meterguard-bench, because it drives the server's own store
 * code inside its Spring context (see docs/architecture.md). Run:
 *
 * <pre>
 * meterguard-server/store-benchmark.sh --meters 1000000
 * </pre>
 */
public final class StoreBenchmark {
    private static final IntervalGrid GRID = IntervalGrid.QUARTER_HOURLY;
    private static final LocalDate FLEET_DAY = LocalDate.of(2026, 10, 14);
    private static final int BATCH_DAYS = 10_000;

    private final ReadingStore store;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final int threads;
    private final List<String[]> table = new ArrayList<>();

    private StoreBenchmark(ConfigurableApplicationContext context, int threads) {
        this.store = context.getBean(ReadingStore.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.dataSource = context.getBean(DataSource.class);
        this.threads = threads;
    }

    public static void main(String[] args) throws Exception {
        int meters = intArg(args, "--meters", 1_000_000);
        int baselineMeters = intArg(args, "--baseline-meters", 20_000);
        int yearMeters = intArg(args, "--year-meters", 100);
        int threads = intArg(args, "--threads", 2);
        int billingMeters = intArg(args, "--billing-meters", 50_000);
        Path data = Files.createTempDirectory("meterguard-store-bench");
        try (ConfigurableApplicationContext context = SpringApplication.run(
                MeterguardApplication.class,
                "--meterguard.data-dir=" + data,
                "--server.port=0",
                "--meterguard.headend.port=0",
                "--meterguard.headend.tls.enabled=false",
                "--meterguard.demo.enabled=false",
                "--meterguard.retention.enabled=false",
                "--logging.level.root=warn")) {
            StoreBenchmark bench = new StoreBenchmark(context, threads);
            List<String> phases =
                    List.of(stringArg(args, "--phases", "fleet,resend,baseline,sizes,year,billing,greenbutton")
                            .split(","));
            if (phases.contains("fleet")) {
                bench.fleetDay(meters);
            }
            if (phases.contains("resend")) {
                bench.resend(meters);
            }
            if (phases.contains("baseline")) {
                bench.baseline(baselineMeters);
            }
            if (phases.contains("sizes")) {
                bench.sizes(meters, baselineMeters);
            }
            if (phases.contains("year")) {
                bench.yearReads(yearMeters);
            }
            if (phases.contains("billing")) {
                bench.billing(billingMeters);
            }
            if (phases.contains("packed")) {
                bench.packed(billingMeters);
            }
            if (phases.contains("greenbutton")) {
                bench.greenButton(context);
            }
            bench.print(meters, threads);
        }
    }

    /** A fleet's day of 15-minute import energy, new days through the store's merge (COPY, group commit). */
    private void fleetDay(int meters) throws Exception {
        long nanos = timed(meters, i -> day(i, FLEET_DAY, 0, 96));
        row("fleet day, new days (" + meters + " meter-days)", meters * 96L, nanos);
    }

    /** The same day sent again: every day is locked, compared slot by slot and left unchanged. */
    private void resend(int meters) throws Exception {
        int resent = Math.min(meters, 200_000);
        long nanos = timed(resent, i -> day(i, FLEET_DAY, 0, 96));
        row("same days re-sent, idempotent merge (" + resent + ")", resent * 96L, nanos);
        long changed = jdbc.sql("SELECT count(*) FROM interval_revision")
                        .query(Long.class)
                        .single()
                + jdbc.sql("SELECT count(*) FROM interval_conflict")
                        .query(Long.class)
                        .single();
        if (changed != 0) {
            throw new IllegalStateException("a re-sent identical day changed something: " + changed);
        }
    }

    private long timed(int meters, IntFunction<IntervalDay> dayOf) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemon());
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int first = 0; first < meters; first += BATCH_DAYS) {
            int from = first;
            int to = Math.min(meters, first + BATCH_DAYS);
            work.add(pool.submit(() -> {
                List<IntervalDay> batch = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    batch.add(dayOf.apply(i));
                }
                store.mergeDays(batch);
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        long nanos = System.nanoTime() - start;
        pool.shutdown();
        return nanos;
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "store-bench");
            thread.setDaemon(true);
            return thread;
        };
    }

    private static IntervalDay day(int meter, LocalDate date, int fromSlot, int toSlot) {
        IntervalDay day = new IntervalDay(meterId(meter), Channel.ACTIVE_ENERGY_IMPORT, GRID, date);
        SplittableRandom random = new SplittableRandom(meter * 31L + date.toEpochDay());
        for (int slot = fromSlot; slot < toSlot; slot++) {
            day.fill(slot, 50 + random.nextInt(1_500), ReadingQuality.RAW);
        }
        return day;
    }

    private static MeterId meterId(int i) {
        return MeterId.of(String.format("MG-%08d", i));
    }

    /**
     * Time-of-use billing determinants for a month of every meter: the month's rows streamed out of the store in
     * meter order (binary COPY) into one accumulator. Loading the month is not timed.
     */
    private void billing(int meters) throws Exception {
        LocalDate june = LocalDate.of(2026, 6, 1);
        phasesLoadedJune = true;
        for (int d = 0; d < 30; d++) {
            LocalDate date = june.plusDays(d);
            timed(meters, i -> day(i, date, 0, 96));
        }
        for (String order : new String[] {" ORDER BY meter_id, day", ""}) {
            long t = System.nanoTime();
            jdbc.sql("COPY (SELECT meter_id, day, vals FROM interval_day WHERE channel = 1 AND day BETWEEN '2026-06-01'"
                            + " AND '2026-06-30'" + order + ") TO '/dev/null' (FORMAT binary)")
                    .update();
            table.add(new String[] {
                "  server-side COPY to /dev/null" + order, fmt((System.nanoTime() - t) / 1e9) + " s", "", ""
            });
        }
        long scan = System.nanoTime();
        long scanned = store.streamDays(
                Channel.ACTIVE_ENERGY_IMPORT, june, june.plusDays(29), (meter, channel, day, values) -> {});
        table.add(new String[] {
            "  streaming alone: " + scanned + " rows", fmt((System.nanoTime() - scan) / 1e9) + " s", "", ""
        });
        TouCalendar calendar = new TouCalendar(touSchedule(), java.time.ZoneId.of("America/Los_Angeles"), GRID);
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemon());
        List<Future<long[]>> parts = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            MeterId from = t == 0 ? null : meterId(meters * t / threads);
            MeterId to = t == threads - 1 ? null : meterId(meters * (t + 1) / threads);
            parts.add(pool.submit(() -> determinants(calendar, june, from, to)));
        }
        long bills = 0;
        long rows = 0;
        for (Future<long[]> part : parts) {
            bills += part.get()[0];
            rows += part.get()[1];
        }
        long nanos = System.nanoTime() - start;
        pool.shutdown();
        if (bills != meters) {
            throw new IllegalStateException("determinants for " + bills + " meters, expected " + meters);
        }
        double perMonth = nanos / 1e3 / meters;
        table.add(new String[] {
            "TOU determinants, " + meters + " meter-months, " + threads + " streams (" + rows + " rows)",
            fmt(nanos / 1e9) + " s, " + fmt(perMonth) + " µs each",
            "",
            ""
        });
        table.add(new String[] {"  the same rate for 1,000,000 meter-months", fmt(perMonth) + " s", "", ""});
    }

    /**
     * The measured case for a packed row format: the same month of day rows as {@code integer[]} and packed as
     * stored (one {@code bytea} of big-endian 4-byte values), each copied server-side out to a file and back into a fresh table
     * with the same primary key. The measurement behind the packed format (V6).
     */
    private void packed(int meters) throws Exception {
        if (!phasesLoadedJune) {
            LocalDate june = LocalDate.of(2026, 6, 1);
            for (int d = 0; d < 30; d++) {
                LocalDate date = june.plusDays(d);
                timed(meters, i -> day(i, date, 0, 96));
            }
        }
        String where = " FROM interval_day WHERE channel = 1 AND day BETWEEN '2026-06-01' AND '2026-06-30'";
        jdbc.sql("CREATE TABLE array_source AS SELECT meter_id, channel, day, mg_unpack(vals) AS vals" + where)
                .update();
        for (String[] shape : new String[][] {
            {"integer[]", "SELECT meter_id, channel, day, vals FROM array_source", "integer[]"},
            {"packed bytea", "SELECT meter_id, channel, day, vals" + where, "bytea"}
        }) {
            String file = "/tmp/meterguard-packed-" + shape[2].replaceAll("\\W", "") + ".copy";
            long out = System.nanoTime();
            jdbc.sql("COPY (" + shape[1] + ") TO '" + file + "' (FORMAT binary)")
                    .update();
            long outNanos = System.nanoTime() - out;
            String table = "packed_" + shape[2].replaceAll("\\W", "");
            jdbc.sql("CREATE TABLE " + table + " (meter_id text COLLATE \"C\", channel smallint, day date, vals "
                            + shape[2] + ", PRIMARY KEY (meter_id, channel, day))")
                    .update();
            long in = System.nanoTime();
            long rows = jdbc.sql("COPY " + table + " FROM '" + file + "' (FORMAT binary)")
                    .update();
            long inNanos = System.nanoTime() - in;
            long bytes = jdbc.sql("SELECT pg_table_size('" + table + "')")
                    .query(Long.class)
                    .single();
            table.length();
            this.table.add(new String[] {
                "  " + shape[0] + ": server COPY out / in of " + rows + " rows, table bytes per reading",
                fmt(outNanos / 1e9) + " / " + fmt(inNanos / 1e9) + " s, " + fmt(bytes / (rows * 96.0)),
                String.format(Locale.ROOT, "%,.0f", rows * 96 / (inNanos / 1e9)),
                ""
            });
        }
    }

    private boolean phasesLoadedJune;

    /**
     * The public sample year of hourly data (8,760 readings) imported through {@code HistoryImport}, both passes
     * and the storing transaction, into fresh meters; best and median of 20 after 5 warm-ups.
     */
    private void greenButton(ConfigurableApplicationContext context) throws Exception {
        Path file = Path.of(
                        "..",
                        "..",
                        "shared",
                        "data",
                        "greenbutton",
                        "samples",
                        "Coastal_Multi_Family_Jan_1_2011_to_Jan_1_2012_RetailCustomer_5.xml")
                .toAbsolutePath()
                .normalize();
        if (!Files.isReadable(file)) {
            table.add(new String[] {"Green Button import: " + file + " absent, skipped", "", "", ""});
            return;
        }
        HistoryImport importer = context.getBean(HistoryImport.class);
        long[] micros = new long[25];
        for (int i = 0; i < micros.length; i++) {
            String id = "MG-GB-BENCH-" + i;
            jdbc.sql("INSERT INTO meter (meter_id, system_title, model) VALUES (?, ?, 'MG-SIM-R1')")
                    .params(id, 0x4D47_0000_0000_0000L + i)
                    .update();
            long start = System.nanoTime();
            long n = importer.importGreenButton(file, MeterId.of(id), "bench", ImportProgress.NONE)
                    .readings();
            micros[i] = (System.nanoTime() - start) / 1_000;
            if (n != 8_760) {
                throw new IllegalStateException("imported " + n + " readings");
            }
        }
        long[] measured = Arrays.copyOfRange(micros, 5, micros.length);
        Arrays.sort(measured);
        table.add(new String[] {
            "Green Button import, 8,760 hourly readings, into the store: best / median",
            fmt(measured[0] / 1000.0) + " / " + fmt(measured[measured.length / 2] / 1000.0) + " ms",
            "",
            ""
        });
    }

    /** Determinants for the meters in {@code [from, to)}: {bills, rows}. */
    private long[] determinants(TouCalendar calendar, LocalDate month, MeterId from, MeterId to) {
        DeterminantsAccumulator accumulator = calendar.accumulator(BillingPeriod.monthOf(month));
        List<LocalDate> days = accumulator.utcDays();
        long[] bills = new long[1];
        MeterId[] current = new MeterId[1];
        long rows = store.streamDays(
                Channel.ACTIVE_ENERGY_IMPORT,
                days.get(0),
                days.get(days.size() - 1),
                from,
                to,
                (meter, channel, day, values) -> {
                    if (!meter.equals(current[0])) {
                        if (current[0] != null) {
                            accumulator.finish();
                            bills[0]++;
                        }
                        accumulator.start(meter, false);
                        current[0] = meter;
                    }
                    accumulator.addDay(channel, day, values);
                });
        if (current[0] != null) {
            accumulator.finish();
            bills[0]++;
        }
        return new long[] {bills[0], rows};
    }

    private static TouSchedule touSchedule() {
        DaySchedule weekdays = DaySchedule.builder()
                .window(TouPeriod.SUPER_OFF_PEAK, "00:00", "06:00")
                .window(TouPeriod.ON_PEAK, "16:00", "21:00")
                .otherwise(TouPeriod.OFF_PEAK)
                .build();
        DaySchedule weekends = DaySchedule.builder()
                .window(TouPeriod.SUPER_OFF_PEAK, "00:00", "06:00")
                .otherwise(TouPeriod.OFF_PEAK)
                .build();
        return TouSchedule.builder()
                .season(new Season("summer", MonthDay.of(6, 1), MonthDay.of(9, 30)), weekdays, weekends)
                .season(new Season("winter", MonthDay.of(10, 1), MonthDay.of(5, 31)), weekdays, weekends)
                .holidays(List.of(LocalDate.of(2026, 7, 3)))
                .build();
    }

    /** One row per reading, batched INSERT with a primary key: the design the array rows replace. */
    private void baseline(int meters) throws Exception {
        jdbc.sql("""
                        CREATE TABLE IF NOT EXISTS reading_row (
                            meter_id text COLLATE "C" NOT NULL, channel smallint NOT NULL,
                            interval_start timestamptz NOT NULL, value bigint NOT NULL, quality smallint NOT NULL,
                            PRIMARY KEY (meter_id, channel, interval_start))""").update();
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemon());
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        int perBatch = 100;
        for (int first = 0; first < meters; first += perBatch) {
            int from = first;
            int to = Math.min(meters, first + perBatch);
            work.add(pool.submit(() -> {
                insertRows(from, to);
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        row("baseline: row per reading, batched INSERT (" + meters + ")", meters * 96L, System.nanoTime() - start);
        pool.shutdown();
    }

    private void insertRows(int from, int to) throws Exception {
        int rows = (to - from) * 96;
        String[] meters = new String[rows];
        String[] starts = new String[rows];
        Long[] values = new Long[rows];
        int n = 0;
        for (int i = from; i < to; i++) {
            IntervalDay day = day(i, FLEET_DAY, 0, 96);
            for (int slot = 0; slot < 96; slot++, n++) {
                meters[n] = day.meterId().value();
                starts[n] = day.startOf(slot).toString();
                values[n] = day.value(slot);
            }
        }
        jdbc.sql("""
                        INSERT INTO reading_row
                        SELECT m, 1, t, v, 14 FROM unnest(?::text[], ?::timestamptz[], ?::bigint[]) AS r(m, t, v)
                        ON CONFLICT DO NOTHING""").params(meters, starts, values).update();
    }

    private long fleetPartitionBytes(String function) {
        return fleetPartitionBytes(function, "interval_day");
    }

    private long fleetPartitionBytes(String function, String table) {
        return jdbc.sql("SELECT " + function + "('" + table + "_" + FLEET_DAY.getYear() + "_"
                        + String.format("%02d", FLEET_DAY.getMonthValue()) + "')")
                .query(Long.class)
                .single();
    }

    private void sizes(int meters, int baselineMeters) {
        jdbc.sql("VACUUM ANALYZE").update();
        double readings = meters * 96.0;
        double baselineReadings = baselineMeters * 96.0;
        long heap = fleetPartitionBytes("pg_table_size");
        long total = fleetPartitionBytes("pg_total_relation_size");
        long rowHeap = jdbc.sql("SELECT pg_table_size('reading_row')")
                .query(Long.class)
                .single();
        long rowTotal = jdbc.sql("SELECT pg_total_relation_size('reading_row')")
                .query(Long.class)
                .single();
        table.add(new String[] {
            "bytes per reading: arrays, table / with index",
            fmt(heap / readings) + " / " + fmt(total / readings),
            "",
            ""
        });
        table.add(new String[] {
            "bytes per reading: row baseline, table / with index",
            fmt(rowHeap / baselineReadings) + " / " + fmt(rowTotal / baselineReadings),
            "",
            ""
        });
    }

    /** One meter's year read back through the store, for random meters, after a warm-up. */
    private void yearReads(int meters) throws Exception {
        LocalDate first = LocalDate.of(2025, 1, 1);
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemon());
        List<Future<?>> work = new ArrayList<>();
        for (int d = 0; d < 365; d++) {
            LocalDate date = first.plusDays(d);
            work.add(pool.submit(() -> {
                List<IntervalDay> batch = new ArrayList<>();
                for (int m = 0; m < meters; m++) {
                    batch.add(day(m, date, 0, 96));
                }
                store.mergeDays(batch);
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        jdbc.sql("VACUUM ANALYZE").update();
        TimeRange year = new TimeRange(
                first.atStartOfDay().toInstant(ZoneOffset.UTC),
                first.plusDays(365).atStartOfDay().toInstant(ZoneOffset.UTC));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            store.read(meterId(random.nextInt(meters)), Channel.ACTIVE_ENERGY_IMPORT, year);
        }
        long[] asRows = new long[1_000];
        long[] asReadings = new long[1_000];
        LocalDate last = first.plusDays(364);
        // Each shape measured in its own loop, so one's garbage does not land in the other's tail.
        for (int i = 0; i < asRows.length; i++) {
            MeterId meter = meterId(random.nextInt(meters));
            long start = System.nanoTime();
            int days = store.days(meter, Channel.ACTIVE_ENERGY_IMPORT, first, last, false)
                    .size();
            asRows[i] = (System.nanoTime() - start) / 1_000;
            if (days != 365) {
                throw new IllegalStateException("a year read back " + days + " days");
            }
        }
        for (int i = 0; i < asReadings.length; i++) {
            MeterId meter = meterId(random.nextInt(meters));
            long start = System.nanoTime();
            int n = store.read(meter, Channel.ACTIVE_ENERGY_IMPORT, year).size();
            asReadings[i] = (System.nanoTime() - start) / 1_000;
            if (n != 365 * 96) {
                throw new IllegalStateException("a year read back " + n + " readings");
            }
        }
        table.add(percentiles("one meter's year read back as 365 day rows (arrays), p50 / p99", asRows));
        table.add(percentiles("the same as 35,040 IntervalReading objects, p50 / p99", asReadings));
        Instant rowStart = first.atStartOfDay().toInstant(ZoneOffset.UTC);
        rowYear(rowStart, year, random);
    }

    /** The baseline's year read: 35,040 rows of one meter by primary key range. */
    private void rowYear(Instant first, TimeRange year, SplittableRandom random) throws Exception {
        int meters = 20;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO reading_row VALUES (?, 1, ?, ?, 14) ON CONFLICT DO NOTHING")) {
            connection.setAutoCommit(false);
            for (int m = 0; m < meters; m++) {
                for (int slot = 0; slot < 365 * 96; slot++) {
                    insert.setString(1, "ROW-" + m);
                    insert.setTimestamp(2, Timestamp.from(first.plusSeconds(900L * slot)));
                    insert.setLong(3, slot % 1500);
                    insert.addBatch();
                    if (slot % 5_000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
        }
        jdbc.sql("VACUUM ANALYZE reading_row").update();
        long[] micros = new long[300];
        for (int i = -50; i < micros.length; i++) {
            long start = System.nanoTime();
            List<Long> values = jdbc.sql("SELECT value FROM reading_row WHERE meter_id = ? AND channel = 1"
                            + " AND interval_start >= ? AND interval_start < ? ORDER BY interval_start")
                    .params("ROW-" + random.nextInt(meters), Timestamp.from(year.from()), Timestamp.from(year.to()))
                    .query(Long.class)
                    .list();
            if (i >= 0) {
                micros[i] = (System.nanoTime() - start) / 1_000;
            }
            if (values.size() != 365 * 96) {
                throw new IllegalStateException("the baseline's year read back " + values.size() + " rows");
            }
        }
        Arrays.sort(micros);
        table.add(new String[] {
            "baseline: one meter's year as rows, p50 / p99",
            fmt(micros[micros.length / 2] / 1000.0) + " / " + fmt(micros[micros.length * 99 / 100] / 1000.0) + " ms",
            "",
            ""
        });
    }

    private static String[] percentiles(String what, long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return new String[] {
            what,
            fmt(sorted[sorted.length / 2] / 1000.0) + " / " + fmt(sorted[sorted.length * 99 / 100] / 1000.0) + " ms",
            "",
            ""
        };
    }

    private void row(String what, long readings, long nanos) {
        double seconds = nanos / 1e9;
        table.add(
                new String[] {what, fmt(seconds) + " s", String.format(Locale.ROOT, "%,.0f", readings / seconds), ""});
    }

    private void print(int meters, int threads) {
        System.out.printf(
                Locale.ROOT,
                "%nMeter data store, %d meters, %d writer threads, %d cores, fsync on%n",
                meters,
                threads,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "| %-62s | %-20s | %-14s |%n", "measure", "result", "readings/s");
        System.out.printf(Locale.ROOT, "|%s|%s|%s|%n", "-".repeat(64), "-".repeat(22), "-".repeat(16));
        for (String[] r : table) {
            System.out.printf(Locale.ROOT, "| %-62s | %-20s | %-14s |%n", r[0], r[1], r[2]);
        }
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
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
