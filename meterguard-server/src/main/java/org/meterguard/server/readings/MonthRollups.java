package org.meterguard.server.readings;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.meterguard.server.database.CopyBinary;
import org.meterguard.server.vee.VeeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each closed UTC month's hourly sums of one meter and channel in one row (V22 {@code interval_months}), so that a
 * customer's year is read as 12 rows per channel instead of 365 day rows. A row is summed from the day rows and used
 * only while it is not stale; {@link ReadingStore#readHours} sums the day rows of every other month.
 *
 * <p>How a row stays exact while day rows keep arriving:
 *
 * <ul>
 *   <li>The job rolls up a month {@value #ROLL_UP_AFTER_DAYS} days after it ended, and from then on rebuilds the rows
 *       that writes marked stale.
 *   <li>Every write of day rows ({@link ReadingStore}) in a month that ended more than {@value #MARK_AFTER_DAYS}
 *       days before marks that month's rows stale in its own transaction, inserting a stale row where there is none.
 *       The gap between the two ages covers clocks that disagree and transactions that last, by days.
 *   <li>A rebuild first makes sure its rows exist and locks them, and only then reads the day rows, in a later
 *       statement (so it sees every write committed before it held the locks). A write that marks a row while the
 *       rebuild holds it waits, and its mark lands after the rebuild: the row is stale again, and read from the day
 *       rows until the next rebuild. Writers and the job lock rows in key order.
 * </ul>
 *
 * <p>The job runs on a thread of its own ({@code meterguard.rollups.schedule}, hourly, after
 * {@code meterguard.rollups.initial-delay}): its first run over a long history takes a while (a month of a million
 * meters is 2,000 batches), and the application's shared scheduler thread must keep flushing security events and
 * watching meters meanwhile. A stop lets the batch in progress finish and ends the run.
 */
@Component
public class MonthRollups implements SmartLifecycle {
    static final int ROLL_UP_AFTER_DAYS = 7;
    static final int MARK_AFTER_DAYS = 3;
    /** The most hours of a UTC month. */
    static final int MONTH_HOURS = 31 * 24;
    /** An {@code UPDATE interval_months SET} list that marks rows stale, their sums gone with it (V22, V26). */
    public static final String STALE = "stale = true, sums = NULL, counts = NULL, estimated = NULL, day_zone = NULL,"
            + " day_hours = NULL, day_sums = NULL, day_counts = NULL, day_estimated = NULL";

    private static final Logger log = LoggerFactory.getLogger(MonthRollups.class);
    private static final int METERS_PER_BATCH = 500;
    private static final String INCOMING = "incoming_months";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final boolean enabled;
    private final Duration schedule;
    private final Duration initialDelay;
    private final ZoneId defaultZone;
    private final Clock clock = Clock.systemUTC();
    private volatile YearMonth rolledUpThrough;
    private volatile boolean throughRead;
    private volatile boolean stopping;
    private boolean running;
    private ScheduledExecutorService executor;

    MonthRollups(
            JdbcClient jdbc,
            DataSource dataSource,
            PlatformTransactionManager transactions,
            @Value("${meterguard.rollups.enabled:true}") boolean enabled,
            @Value("${meterguard.rollups.schedule:PT1H}") Duration schedule,
            @Value("${meterguard.rollups.initial-delay:PT2M}") Duration initialDelay,
            @Value("${meterguard.vee.default-time-zone:" + VeeProperties.DEFAULT_TIME_ZONE + "}") ZoneId defaultZone) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactions);
        this.enabled = enabled;
        this.schedule = schedule;
        this.initialDelay = initialDelay;
        this.defaultZone = defaultZone;
    }

    /** The last month the job rolls up at {@code now}: months that ended at least a week before. */
    static YearMonth lastRolledUp(Instant now) {
        return YearMonth.from(LocalDate.ofInstant(now.minus(Duration.ofDays(ROLL_UP_AFTER_DAYS)), ZoneOffset.UTC))
                .minusMonths(1);
    }

    /** The last day whose writes mark their month's rows stale at {@code now}. */
    static LocalDate lastMarkedDay(Instant now) {
        return YearMonth.from(LocalDate.ofInstant(now.minus(Duration.ofDays(MARK_AFTER_DAYS)), ZoneOffset.UTC))
                .minusMonths(1)
                .atEndOfMonth();
    }

    /** A month row's key, in the order the job locks rows (meter ids compare as collation "C" does). */
    private record MonthKey(String meter, short channel, LocalDate month) {
        static final Comparator<MonthKey> ORDER = Comparator.comparing(MonthKey::meter)
                .thenComparingInt(MonthKey::channel)
                .thenComparing(MonthKey::month);
    }

    /**
     * Marks the rows of the months {@code days} lie in stale, in the caller's transaction (which writes the days),
     * for the months that ended more than {@value #MARK_AFTER_DAYS} days ago; nothing for younger ones.
     */
    void markStale(Collection<IntervalDay> days) {
        LocalDate last = lastMarkedDay(clock.instant());
        TreeSet<MonthKey> keys = new TreeSet<>(MonthKey.ORDER);
        for (IntervalDay day : days) {
            if (!day.day().isAfter(last)) {
                keys.add(new MonthKey(
                        day.meterId().value(), day.channel().code(), day.day().withDayOfMonth(1)));
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        String[] meters = new String[keys.size()];
        Short[] channels = new Short[keys.size()];
        String[] months = new String[keys.size()]; // ISO dates: pgjdbc sends no LocalDate[]
        int i = 0;
        for (MonthKey key : keys) {
            meters[i] = key.meter();
            channels[i] = key.channel();
            months[i++] = key.month().toString();
        }
        jdbc.sql("""
                        INSERT INTO interval_months (meter_id, channel, month)
                        SELECT * FROM unnest(?::text[], ?::smallint[], ?::date[]) ORDER BY 1, 2, 3
                            ON CONFLICT (meter_id, channel, month) DO UPDATE SET
                        """ + STALE).params(meters, channels, months).update();
    }

    /**
     * The last month rolled up, as far as this server knows (null: none yet): every month up to it has a row for
     * each meter and channel with data in it, rolled up or stale, so a month without a row has no data. Read from
     * the database once, then advanced by this server's job runs; lower than the database's only for a while, which
     * costs reads of day rows, never a wrong answer.
     */
    YearMonth rolledUpThrough() {
        YearMonth through = rolledUpThrough;
        if (through == null && !throughRead) {
            through = readThrough();
        }
        return through;
    }

    private synchronized YearMonth readThrough() {
        if (!throughRead) {
            rolledUpThrough = jdbc.sql("SELECT max(month) FROM interval_months_built")
                    .query((rs, n) -> rs.getObject(1, LocalDate.class))
                    .optional()
                    .map(YearMonth::from)
                    .orElse(null);
            throughRead = true;
        }
        return rolledUpThrough;
    }

    /**
     * The days of {@code [first, last]} outside the whole months {@code covered} (each the first day of a month that
     * lies within {@code [first, last]}), as inclusive ranges {@code {from, to}} in order.
     */
    static List<LocalDate[]> uncovered(LocalDate first, LocalDate last, Collection<LocalDate> covered) {
        List<LocalDate[]> ranges = new ArrayList<>();
        LocalDate from = first;
        for (LocalDate month : new TreeSet<>(covered)) {
            if (from.isBefore(month)) {
                ranges.add(new LocalDate[] {from, month.minusDays(1)});
            }
            from = month.plusMonths(1);
        }
        if (!from.isAfter(last)) {
            ranges.add(new LocalDate[] {from, last});
        }
        return ranges;
    }

    @Override
    public synchronized void start() {
        if (!enabled || running) {
            return;
        }
        stopping = false;
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "month-rollups");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(
                this::runQuietly, initialDelay.toMillis(), Math.max(1_000, schedule.toMillis()), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        ScheduledExecutorService current;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            stopping = true;
            current = executor;
        }
        current.shutdown();
        try {
            if (!current.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("The month rollups' batch in progress did not end within 30 s of the stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    private void runQuietly() {
        try {
            long rows = rollUp(clock.instant());
            if (rows > 0) {
                log.info("Rolled up {} meter-months of hourly sums", rows);
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                log.warn("Rolling up months failed; the next run tries again", e);
            }
        }
    }

    /**
     * Rolls up every month that ended at least {@value #ROLL_UP_AFTER_DAYS} days before {@code now} and was never
     * rolled up, then rebuilds the stale rows of such months; returns the rows written.
     */
    public long rollUp(Instant now) {
        YearMonth through = lastRolledUp(now);
        long rows = 0;
        YearMonth known = readThrough();
        for (YearMonth month : monthsNotBuilt(through)) {
            String after = "";
            while (!stopping) {
                List<String> meters = jdbc.sql("SELECT DISTINCT meter_id FROM interval_day"
                                + " WHERE day BETWEEN ? AND ? AND meter_id > ? ORDER BY meter_id LIMIT ?")
                        .params(month.atDay(1), month.atEndOfMonth(), after, METERS_PER_BATCH)
                        .query(String.class)
                        .list();
                if (meters.isEmpty()) {
                    break;
                }
                rows += build(month, meters);
                after = meters.get(meters.size() - 1);
            }
            if (stopping) {
                return rows;
            }
            built(month, now);
        }
        // Every month through `through` is rolled up now: those with data above, those without need nothing (a
        // write into one later marks its row, which it inserts, stale).
        if (known == null || known.isBefore(through)) {
            built(through, now);
        }
        LocalDate month = LocalDate.of(1, 1, 1);
        String after = "";
        while (!stopping) {
            Map<LocalDate, List<String>> stale = new LinkedHashMap<>();
            jdbc.sql("""
                            SELECT DISTINCT month, meter_id FROM interval_months
                             WHERE stale AND month <= ? AND (month, meter_id) > (?, ?)
                             ORDER BY month, meter_id LIMIT ?""")
                    .params(through.atDay(1), month, after, METERS_PER_BATCH)
                    .query(rs -> {
                        stale.computeIfAbsent(rs.getObject(1, LocalDate.class), m -> new ArrayList<>())
                                .add(rs.getString(2));
                    });
            if (stale.isEmpty()) {
                return rows;
            }
            for (Map.Entry<LocalDate, List<String>> batch : stale.entrySet()) {
                rows += build(YearMonth.from(batch.getKey()), batch.getValue());
                month = batch.getKey();
                after = batch.getValue().get(batch.getValue().size() - 1);
            }
        }
        return rows;
    }

    /** Records {@code month} as rolled up, and every month before it with it (they were done first). */
    private void built(YearMonth month, Instant now) {
        jdbc.sql("INSERT INTO interval_months_built (month, built_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(month.atDay(1), Timestamp.from(now))
                .update();
        synchronized (this) {
            if (rolledUpThrough == null || rolledUpThrough.isBefore(month)) {
                rolledUpThrough = month;
            }
            throughRead = true;
        }
    }

    /** The months through {@code through} that have day rows' partitions and were never rolled up, oldest first. */
    private List<YearMonth> monthsNotBuilt(YearMonth through) {
        Set<YearMonth> built = new HashSet<>(jdbc.sql("SELECT month FROM interval_months_built")
                .query((rs, n) -> YearMonth.from(rs.getObject(1, LocalDate.class)))
                .list());
        return jdbc
                .sql("""
                        SELECT child.relname FROM pg_inherits
                          JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
                          JOIN pg_class child ON child.oid = pg_inherits.inhrelid
                         WHERE parent.relname = 'interval_day'""")
                .query((rs, n) -> {
                    String name = rs.getString(1);
                    String suffix = name.substring(name.length() - 7);
                    return YearMonth.of(
                            Integer.parseInt(suffix.substring(0, 4)), Integer.parseInt(suffix.substring(5)));
                })
                .list()
                .stream()
                .filter(month -> !month.isAfter(through) && !built.contains(month))
                .sorted()
                .toList();
    }

    /**
     * Rebuilds the rows of {@code meters} for {@code month} in one transaction: ensures a row for each meter and
     * channel with day rows in the month, locks them in key order, then reads the day rows and writes the sums;
     * removes stale rows left without day rows. Returns the rows written.
     */
    private long build(YearMonth month, List<String> meters) {
        String[] ids = meters.toArray(String[]::new);
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        Long written = transactions.execute(status -> {
            jdbc.sql("""
                            INSERT INTO interval_months (meter_id, channel, month)
                            SELECT DISTINCT meter_id, channel, ?::date FROM interval_day
                             WHERE meter_id = ANY(?::text[]) AND day BETWEEN ? AND ?
                             ORDER BY 1, 2 ON CONFLICT DO NOTHING""").params(first, ids, first, last).update();
            jdbc.sql("""
                            SELECT 1 FROM interval_months WHERE month = ? AND meter_id = ANY(?::text[])
                             ORDER BY meter_id, channel FOR UPDATE""").params(first, ids).query(rs -> {});
            CopyBinary rows = sums(month, ids, zones(ids));
            // Stored as interval_months stores them (uncompressed in the row): a value compressed here would be
            // copied into interval_months compressed.
            jdbc.sql("CREATE TEMP TABLE IF NOT EXISTS " + INCOMING
                            + " (LIKE interval_months INCLUDING DEFAULTS INCLUDING STORAGE)"
                            + " WITH (toast_tuple_target = 8160) ON COMMIT DELETE ROWS")
                    .update();
            rows.copyInto(
                    dataSource,
                    "COPY " + INCOMING
                            + " (meter_id, channel, month, sums, counts, estimated,"
                            + " day_zone, day_hours, day_sums, day_counts, day_estimated) FROM STDIN (FORMAT binary)");
            long updated = jdbc.sql("""
                            UPDATE interval_months m
                               SET stale = false, sums = i.sums, counts = i.counts, estimated = i.estimated,
                                   day_zone = i.day_zone, day_hours = i.day_hours, day_sums = i.day_sums,
                                   day_counts = i.day_counts, day_estimated = i.day_estimated
                              FROM incoming_months i
                             WHERE m.meter_id = i.meter_id AND m.channel = i.channel AND m.month = i.month""").update();
            jdbc.sql("""
                            DELETE FROM interval_months m
                             WHERE m.month = ? AND m.meter_id = ANY(?::text[]) AND m.stale
                               AND NOT EXISTS (SELECT 1 FROM interval_day h
                                                WHERE h.meter_id = m.meter_id AND h.channel = m.channel
                                                  AND h.day BETWEEN ? AND ?)""").params(first, ids, first, last).update();
            jdbc.sql("TRUNCATE " + INCOMING).update();
            return updated;
        });
        return written == null ? 0 : written;
    }

    /** Each meter's local time zone: its own, else the deployment's default. */
    private Map<String, ZoneId> zones(String[] meters) {
        Map<String, ZoneId> zones = new HashMap<>();
        jdbc.sql("SELECT meter_id, time_zone FROM meter WHERE meter_id = ANY(?::text[])")
                .param(meters)
                .query(rs -> {
                    String zone = rs.getString(2);
                    zones.put(rs.getString(1), zone == null ? defaultZone : ZoneId.of(zone));
                });
        return zones;
    }

    /**
     * The month rows of {@code meters}, summed from their day rows: one per meter and channel with any, each with its
     * hours and, where they fit, its local days in the meter's zone (V26).
     */
    private CopyBinary sums(YearMonth month, String[] meters, Map<String, ZoneId> zones) {
        int hours = month.lengthOfMonth() * 24;
        LocalDate first = month.atDay(1);
        CopyBinary rows = new CopyBinary(meters.length * 2, hours * 6 + 400);
        MonthRow[] current = {null};
        Map<ZoneId, Optional<LocalDaySums.Layout>> layouts = new HashMap<>();
        jdbc.sql("""
                        SELECT meter_id, channel, day, interval_seconds, vals, quality, qualities FROM interval_day
                         WHERE meter_id = ANY(?::text[]) AND day BETWEEN ? AND ?
                         ORDER BY meter_id, channel, day""").params(meters, first, month.atEndOfMonth()).query(rs -> {
            String meter = rs.getString(1);
            short channel = rs.getShort(2);
            MonthRow row = current[0];
            if (row == null || row.channel != channel || !row.meter.equals(meter)) {
                if (row != null) {
                    row.appendTo(rows, month);
                }
                ZoneId zone = zones.getOrDefault(meter, defaultZone);
                row = new MonthRow(
                        meter,
                        channel,
                        hours,
                        layouts.computeIfAbsent(zone, z -> Optional.ofNullable(LocalDaySums.Layout.of(month, z)))
                                .orElse(null));
                current[0] = row;
            }
            HourSums.sumDay(
                    rs.getInt(4),
                    rs.getBytes(5),
                    rs.getShort(6),
                    rs.getBytes(7),
                    row.sums,
                    row.counts,
                    row.estimated,
                    (rs.getObject(3, LocalDate.class).getDayOfMonth() - 1) * HourSums.HOURS);
        });
        if (current[0] != null) {
            current[0].appendTo(rows, month);
        }
        return rows;
    }

    /** One meter's and channel's hours of a month, as they are being gathered from its day rows. */
    private static final class MonthRow {
        final String meter;
        final short channel;
        final LocalDaySums.Layout localDays;
        final long[] sums;
        final int[] counts;
        final int[] estimated;

        /** {@code localDays}: how the month's hours fall into the meter's local days, null where they do not fit. */
        MonthRow(String meter, short channel, int hours, LocalDaySums.Layout localDays) {
            this.meter = meter;
            this.channel = channel;
            this.localDays = localDays;
            this.sums = new long[hours];
            this.counts = new int[hours];
            this.estimated = new int[hours];
        }

        void appendTo(CopyBinary rows, YearMonth month) {
            rows.row(11).text(meter).int2(channel).date(month.atDay(1));
            HourSums.append(sums, counts, estimated, sums.length, rows);
            LocalDaySums.append(localDays == null ? null : LocalDaySums.of(localDays, sums, counts, estimated), rows);
        }
    }
}
