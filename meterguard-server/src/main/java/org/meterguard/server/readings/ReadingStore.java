package org.meterguard.server.readings;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.MeterId;
import org.meterguard.core.TimeRange;
import org.meterguard.server.database.CopyBinary;
import org.meterguard.server.database.CopyBinaryReader;
import org.meterguard.server.database.MonthPartitions;
import org.meterguard.server.database.PackedSlots;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores and reads interval readings. Each (meter, channel, UTC day) is one row of integer values and their
 * quality; storing merges into that row so that a re-sent or late interval fills its slot once. A stored value is
 * never silently replaced: an actual read may replace an estimate (recorded as a revision), and a different value
 * for any other stored slot is kept out and recorded as a conflict.
 */
@Service
public class ReadingStore {
    private static final String COLUMNS = "meter_id, channel, day, interval_seconds, vals, quality, qualities";
    private static final String COPY_DAYS = "COPY interval_day (" + COLUMNS + ") FROM STDIN (FORMAT binary)";
    private static final String UNIQUE_VIOLATION = "23505";
    /** {@link #readHours}'s rows: see V26's {@code meter_hours} for its parameters and columns. */
    private static final String METER_HOURS = "SELECT * FROM meter_hours(?, ?::smallint[], ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final MonthPartitions partitions;
    private final ApplicationEventPublisher events;
    private final MonthRollups rollups;
    private final Clock clock = Clock.systemUTC();

    ReadingStore(
            JdbcClient jdbc,
            DataSource dataSource,
            MonthPartitions partitions,
            ApplicationEventPublisher events,
            MonthRollups rollups) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.partitions = partitions;
        this.events = events;
        this.rollups = rollups;
    }

    /** What a merge did. */
    public record MergeSummary(int newDays, int changedDays, int revisions, int conflicts) {}

    /** Merges {@code readings}, which lie on {@code grid}, into the meter's days, in the caller's transaction. */
    @Transactional
    public MergeSummary merge(MeterId meter, Channel channel, IntervalGrid grid, List<IntervalReading> readings) {
        Map<LocalDate, IntervalDay> days = new TreeMap<>();
        for (IntervalReading reading : readings) {
            days.computeIfAbsent(grid.dayOf(reading.start()), day -> new IntervalDay(meter, channel, grid, day))
                    .fill(grid.slotOf(reading.start()), reading);
        }
        return mergeDays(days.values());
    }

    /**
     * Merges many days at once, in the caller's transaction, which must not have written {@code interval_day}
     * before when the days may open a new month (see {@link MonthPartitions}). When none of the days is stored
     * yet, one COPY stores them all; otherwise days not stored yet go in by COPY and stored days are locked, merged slot by slot ({@link IntervalDay#absorb}) and written back by COPY
     * to a staging table and one UPDATE. The days must have distinct keys (merge a batch's days with
     * {@link IntervalDay#fillFrom} first). Should another writer store one of the "new" days in between, the COPY
     * fails on the primary key and the caller's transaction is retried whole.
     */
    @Transactional
    public MergeSummary mergeDays(Collection<IntervalDay> days) {
        if (days.isEmpty()) {
            return new MergeSummary(0, 0, 0, 0);
        }
        announceAfterTransaction(days);
        partitions.ensure(
                MonthPartitions.Table.INTERVAL_DAY,
                days.stream().map(IntervalDay::day).distinct().toList());
        rollups.markStale(days);
        CopyBinary all = new CopyBinary(days.size(), IntervalDay.COPY_BYTES);
        days.forEach(day -> day.appendTo(all));
        if (copyUnlessStored(all)) {
            return new MergeSummary(days.size(), 0, 0, 0);
        }
        Map<IntervalDay.Key, IntervalDay> stored = lockStored(days);
        CopyBinary fresh = new CopyBinary(days.size() - stored.size(), IntervalDay.COPY_BYTES);
        List<IntervalDay> changed = new ArrayList<>();
        SlotChanges changes = new SlotChanges();
        Instant now = clock.instant();
        for (IntervalDay day : days) {
            IntervalDay existing = stored.get(day.key());
            if (existing == null) {
                day.appendTo(fresh);
            } else if (existing.absorb(day, now, changes)) {
                changed.add(existing);
            }
        }
        copy(fresh, COPY_DAYS);
        rewrite(changed);
        recordRevisions(changes.revisions());
        recordConflicts(changes.conflicts());
        return new MergeSummary(
                fresh.rows(),
                changed.size(),
                changes.revisions().size(),
                changes.conflicts().size());
    }

    /**
     * The common case first: none of the days is stored yet, and one COPY stores them all. Should any be stored
     * (the primary key refuses it), the COPY is undone to a savepoint and nothing of it remains; returns false.
     */
    private boolean copyUnlessStored(CopyBinary rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.setSavepoint();
            try {
                rows.copyInto(connection, COPY_DAYS);
                connection.releaseSavepoint(savepoint);
                return true;
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                connection.rollback(savepoint);
                return false;
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("COPY of " + rows.rows() + " interval days failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * The stored days of one meter and channel from {@code first} to {@code last} (UTC days, inclusive), locked
     * for update when {@code forUpdate}; write them back with {@link #replace}.
     */
    @Transactional
    public List<IntervalDay> days(MeterId meter, Channel channel, LocalDate first, LocalDate last, boolean forUpdate) {
        List<IntervalDay> days = new ArrayList<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM interval_day WHERE meter_id = ? AND channel = ? AND day BETWEEN ? AND ?"
                        + " ORDER BY day" + (forUpdate ? " FOR UPDATE" : ""))
                .params(meter.value(), channel.code(), first, last)
                .query(rs -> {
                    days.add(storedDay(rs));
                });
        return days;
    }

    /**
     * Writes back days read with {@link #days} and changed by validation, estimation or editing, with the
     * revisions that changed them, in the caller's transaction.
     */
    @Transactional
    public void replace(Collection<IntervalDay> changed, List<Revision> revisions) {
        announceAfterTransaction(changed);
        rollups.markStale(changed);
        rewrite(changed);
        recordRevisions(revisions);
    }

    /**
     * Publishes {@link DaysChanged} for {@code days} once the caller's transaction has ended, committed or rolled
     * back (a reader that derived something from the rows before the commit then knows to derive it again).
     */
    private void announceAfterTransaction(Collection<IntervalDay> days) {
        List<DaysChanged.MeterDay> written = new ArrayList<>(days.size());
        days.forEach(day -> written.add(new DaysChanged.MeterDay(day.meterId(), day.day())));
        DaysChanged changed = new DaysChanged(written, false);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                events.publishEvent(changed);
            }
        });
    }

    /** Writes changed day rows back. */
    private void rewrite(Collection<IntervalDay> changed) {
        if (changed.isEmpty()) {
            return;
        }
        CopyBinary rows = new CopyBinary(changed.size(), IntervalDay.COPY_BYTES);
        changed.forEach(day -> day.appendTo(rows));
        jdbc.sql("CREATE TEMP TABLE IF NOT EXISTS incoming_day (LIKE interval_day) ON COMMIT DELETE ROWS")
                .update();
        copy(rows, "COPY incoming_day (" + COLUMNS + ") FROM STDIN (FORMAT binary)");
        jdbc.sql("""
                        UPDATE interval_day d
                           SET vals = i.vals, quality = i.quality, qualities = i.qualities
                          FROM incoming_day i
                         WHERE d.meter_id = i.meter_id AND d.channel = i.channel AND d.day = i.day""").update();
        jdbc.sql("TRUNCATE incoming_day").update();
    }

    private Map<IntervalDay.Key, IntervalDay> lockStored(Collection<IntervalDay> days) {
        String[] meters = new String[days.size()];
        Short[] channels = new Short[days.size()];
        String[] dates = new String[days.size()];
        int i = 0;
        for (IntervalDay day : days) {
            meters[i] = day.meterId().value();
            channels[i] = day.channel().code();
            dates[i] = day.day().toString();
            i++;
        }
        Map<IntervalDay.Key, IntervalDay> stored = new HashMap<>();
        jdbc.sql("""
                        SELECT d.meter_id, d.channel, d.day, d.interval_seconds, d.vals, d.quality, d.qualities
                          FROM interval_day d
                          JOIN unnest(?::text[], ?::smallint[], ?::date[]) AS u(meter_id, channel, day)
                            ON d.meter_id = u.meter_id AND d.channel = u.channel AND d.day = u.day
                           FOR UPDATE OF d""").params(meters, channels, dates).query(rs -> {
            IntervalDay day = storedDay(rs);
            stored.put(day.key(), day);
        });
        return stored;
    }

    private static IntervalDay storedDay(ResultSet rs) throws SQLException {
        return IntervalDay.stored(
                MeterId.of(rs.getString("meter_id")),
                Channel.ofCode(rs.getShort("channel")),
                rs.getObject("day", LocalDate.class),
                rs.getInt("interval_seconds"),
                rs.getBytes("vals"),
                rs.getShort("quality"),
                rs.getBytes("qualities"));
    }

    private void recordRevisions(List<Revision> revisions) {
        for (Revision r : revisions) {
            jdbc.sql("""
                            INSERT INTO interval_revision (meter_id, channel, interval_start, old_value, old_quality,
                                                           new_value, new_quality, actor, reason)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            r.meterId().value(),
                            r.channel().code(),
                            Timestamp.from(r.intervalStart()),
                            r.oldValue(),
                            r.oldQuality(),
                            r.newValue(),
                            r.newQuality(),
                            r.actor(),
                            r.reason())
                    .update();
        }
    }

    private void recordConflicts(List<Conflict> conflicts) {
        for (Conflict c : conflicts) {
            jdbc.sql("""
                            INSERT INTO interval_conflict (meter_id, channel, interval_start, stored_value,
                                                           stored_quality, received_value, received_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            c.meterId().value(),
                            c.channel().code(),
                            Timestamp.from(c.intervalStart()),
                            c.storedValue(),
                            c.storedQuality(),
                            c.receivedValue(),
                            Timestamp.from(c.receivedAt()))
                    .update();
        }
    }

    private void copy(CopyBinary rows, String sql) {
        rows.copyInto(dataSource, sql);
    }

    /**
     * Streams every stored row of {@code channel} for UTC days {@code first} to {@code last} (inclusive), in meter
     * and day order, to {@code handler}: one binary COPY out of PostgreSQL, no object per row or value. For bulk
     * work over the fleet (billing determinants, exports); a row must be on a 15-minute grid.
     */
    @Transactional(readOnly = true)
    public long streamDays(Channel channel, LocalDate first, LocalDate last, DayRowHandler handler) {
        return streamDays(channel, first, last, null, null, handler);
    }

    /**
     * As {@link #streamDays(Channel, LocalDate, LocalDate, DayRowHandler)}, for the meters whose ids lie in
     * {@code [fromMeter, toMeter)} (byte order; null for open): several streams over disjoint ranges share the work
     * out over the cores.
     */
    @Transactional(readOnly = true)
    public long streamDays(
            Channel channel,
            LocalDate first,
            LocalDate last,
            MeterId fromMeter,
            MeterId toMeter,
            DayRowHandler handler) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        String sql = "COPY (SELECT meter_id, day, vals FROM interval_day WHERE channel = " + channel.code()
                + " AND day BETWEEN '" + first + "' AND '" + last + "'"
                + (fromMeter == null ? "" : " AND meter_id >= '" + fromMeter.value() + "'")
                + (toMeter == null ? "" : " AND meter_id < '" + toMeter.value() + "'")
                + " ORDER BY meter_id, day) TO STDOUT (FORMAT binary)";
        long[] values = new long[IntervalGrid.QUARTER_HOURLY.slotsPerDay()];
        long rows = 0;
        // Meter order comes from the primary key's index (meter_id, channel, day), never from a sort of the
        // whole month, which would spill to disk at fleet scale.
        jdbc.sql("SET LOCAL enable_sort = off").update();
        try (InputStream stream = new PGCopyInputStream(connection.unwrap(PGConnection.class), sql)) {
            CopyBinaryReader reader = new CopyBinaryReader(stream);
            while (reader.nextRow() > 0) {
                MeterId meter = MeterId.of(reader.text());
                LocalDate day = reader.date();
                int slots = reader.packed(values, DayRowHandler.MISSING);
                if (slots != values.length) {
                    throw new IllegalStateException("row " + meter + " " + day + " has " + slots + " slots");
                }
                handler.row(meter, channel, day, values);
                rows++;
            }
            return rows;
        } catch (SQLException | IOException e) {
            throw new DataAccessResourceFailureException("streaming " + channel + " rows failed after " + rows, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The stored readings of one channel whose intervals start within {@code range}, in time order. */
    public List<IntervalReading> read(MeterId meter, Channel channel, TimeRange range) {
        IntervalGrid anyGrid = IntervalGrid.QUARTER_HOURLY;
        List<IntervalReading> readings = new ArrayList<>();
        for (IntervalDay day : days(
                meter,
                channel,
                anyGrid.dayOf(range.from()),
                anyGrid.dayOf(range.to().minusNanos(1)),
                false)) {
            for (int slot = 0; slot < day.slots(); slot++) {
                if (day.isFilled(slot) && range.contains(day.startOf(slot))) {
                    readings.add(day.reading(slot));
                }
            }
        }
        return readings;
    }

    /**
     * Reads one meter's stored rows of {@code channels} for UTC days {@code first} to {@code last} (inclusive), in
     * channel and day order, handing each with its slots' qualities to {@code handler}: one query, packed values
     * decoded straight into reused arrays, no object per slot. For a customer's views of their own data.
     */
    @Transactional(readOnly = true)
    public long readDays(
            MeterId meter, List<Channel> channels, LocalDate first, LocalDate last, QualifiedDayHandler handler) {
        String[] codes = channels.stream().map(c -> Short.toString(c.code())).toArray(String[]::new);
        long[] rows = {0};
        SlotBuffers buffers = new SlotBuffers();
        jdbc.sql("SELECT channel, day, interval_seconds, vals, quality, qualities FROM interval_day"
                        + " WHERE meter_id = ? AND channel = ANY(?::smallint[]) AND day BETWEEN ? AND ?"
                        + " ORDER BY channel, day")
                .params(meter.value(), codes, first, last)
                .query(rs -> {
                    int intervalSeconds = rs.getInt(3);
                    buffers.decode(intervalSeconds, rs.getBytes(4), rs.getShort(5), rs.getBytes(6));
                    handler.row(
                            Channel.ofCode(rs.getShort(1)),
                            rs.getObject(2, LocalDate.class),
                            intervalSeconds,
                            buffers.values,
                            buffers.qualities);
                    rows[0]++;
                });
        return rows[0];
    }

    /**
     * Reads the hourly sums of one meter's stored rows of {@code channels} for UTC days {@code first} to
     * {@code last} (inclusive), in no particular order: the whole months that are rolled up ({@link MonthRollups})
     * from their month rows, every other day summed from its day row. For a customer's views at hourly, daily and
     * monthly resolution, which add the sums up in any order (an ORDER BY would cost PostgreSQL a sort or a merge of
     * the month partitions).
     *
     * <p>One statement, and no transaction of its own: a statement's round trip cost a view more than 700 rows did
     * (measured: a year's view from 26 month rows and one day read in two statements cost more CPU than from one
     * statement's 62 rows). The statement calls V23's {@code meter_hours}, whose query PostgreSQL plans once per
     * connection instead of at each view. A month up to the rolled-up one that has no month row has no data; a
     * stale month row (a write reached the month since) is read from its day rows in a second statement.
     */
    public long readHours(
            MeterId meter, List<Channel> channels, LocalDate first, LocalDate last, HourRowHandler handler) {
        return readHours(meter, channels, first, last, null, handler, null);
    }

    /**
     * As {@link #readHours(MeterId, List, LocalDate, LocalDate, HourRowHandler)}, but the rolled-up months that keep
     * their sums per local day of {@code zone} (V26) come as those, to {@code days}, instead of as hours: for daily
     * and monthly views, which add each local day's part into that day's bucket.
     */
    public long readHours(
            MeterId meter,
            List<Channel> channels,
            LocalDate first,
            LocalDate last,
            ZoneId zone,
            HourRowHandler handler,
            LocalDayHandler days) {
        if (zone != null && days == null) {
            throw new IllegalArgumentException("local days of " + zone + " asked for with nowhere to put them");
        }
        String[] codes = channels.stream().map(c -> Short.toString(c.code())).toArray(String[]::new);
        YearMonth firstWhole = YearMonth.from(first.minusDays(1)).plusMonths(1);
        YearMonth lastWhole = YearMonth.from(last.plusDays(1)).minusMonths(1);
        YearMonth through = rollups.rolledUpThrough();
        if (through != null && through.isBefore(lastWhole)) {
            lastWhole = through;
        }
        List<LocalDate> months = new ArrayList<>();
        for (YearMonth m = firstWhole; through != null && !m.isAfter(lastWhole); m = m.plusMonths(1)) {
            months.add(m.atDay(1));
        }
        List<LocalDate[]> ranges = MonthRollups.uncovered(first, last, months);
        if (ranges.size() > 2) {
            throw new IllegalStateException("more than two ranges of days around whole months: " + ranges.size());
        }
        List<Object> params = meterHours(
                meter,
                codes,
                zone == null ? null : zone.getId(),
                months.isEmpty() ? null : new LocalDate[] {months.get(0), months.get(months.size() - 1)},
                ranges.isEmpty() ? null : ranges.get(0),
                ranges.size() < 2 ? null : ranges.get(1));
        long[] rows = {0};
        long[] sums = new long[MonthRollups.MONTH_HOURS];
        int[] counts = new int[MonthRollups.MONTH_HOURS];
        int[] estimated = new int[MonthRollups.MONTH_HOURS];
        long[] starts = new long[LocalDaySums.MOST_DAYS];
        List<StaleMonth> stale = new ArrayList<>();
        RowCallbackHandler row = rs -> {
            Channel channel = Channel.ofCode(rs.getShort(2));
            LocalDate day = rs.getObject(3, LocalDate.class);
            int hours;
            byte[] localDays = rs.getBytes(10);
            if (localDays != null) {
                int n = LocalDaySums.decode(
                        day.toEpochDay() * 86_400L,
                        localDays,
                        rs.getBytes(5),
                        rs.getBytes(6),
                        rs.getBytes(7),
                        starts,
                        sums,
                        counts,
                        estimated);
                days.days(channel, n, starts, sums, counts, estimated);
                rows[0]++;
                return;
            }
            if (!rs.getBoolean(1)) {
                HourSums.sumDay(
                        rs.getInt(8), rs.getBytes(5), rs.getShort(9), rs.getBytes(7), sums, counts, estimated, 0);
                hours = HourSums.HOURS;
            } else if (rs.getBoolean(4)) {
                stale.add(new StaleMonth(channel, day));
                return;
            } else {
                hours = HourSums.decode(rs.getBytes(5), rs.getBytes(6), rs.getBytes(7), sums, counts, estimated);
            }
            handler.row(channel, day, hours, sums, counts, estimated);
            rows[0]++;
        };
        jdbc.sql(METER_HOURS).params(params).query(row);
        for (StaleMonth month : stale) {
            LocalDate[] range = {month.first(), month.first().plusMonths(1).minusDays(1)};
            jdbc.sql(METER_HOURS)
                    .params(meterHours(
                            meter, new String[] {Short.toString(month.channel().code())}, null, null, range, null))
                    .query(row);
        }
        return rows[0];
    }

    /**
     * {@code meter_hours}' parameters: the meter, its channels, the zone of local days asked for (null for none), and
     * the first and last day of the months and of the two ranges of days to read, each range null (two NULLs of type
     * date) for none.
     */
    private static List<Object> meterHours(
            MeterId meter, String[] channels, String zone, LocalDate[] months, LocalDate[] days, LocalDate[] more) {
        List<Object> params = new ArrayList<>(List.of(meter.value(), channels));
        params.add(new SqlParameterValue(Types.VARCHAR, zone));
        for (LocalDate[] range : Arrays.asList(months, days, more)) {
            params.add(range == null ? new SqlParameterValue(Types.DATE, null) : range[0]);
            params.add(range == null ? new SqlParameterValue(Types.DATE, null) : range[1]);
        }
        return params;
    }

    /** A month whose rolled-up row is stale: its days are summed from their day rows. */
    private record StaleMonth(Channel channel, LocalDate first) {}

    /** Reused arrays a packed row is decoded into. */
    private static final class SlotBuffers {
        long[] values = new long[0];
        short[] qualities = new short[0];

        void decode(int intervalSeconds, byte[] packed, short shared, byte[] codes) {
            int slots = 86_400 / intervalSeconds;
            if (values.length != slots) {
                values = new long[slots];
                qualities = new short[slots];
            }
            int found = PackedSlots.decode(packed, values, DayRowHandler.MISSING);
            if (found != slots) {
                throw new IllegalStateException("a stored row of " + intervalSeconds + "-second intervals has " + found
                        + " slots, not " + slots);
            }
            for (int slot = 0; slot < slots; slot++) {
                qualities[slot] = shared == IntervalDay.MIXED_QUALITY ? codes[slot] : shared;
            }
        }
    }
}
