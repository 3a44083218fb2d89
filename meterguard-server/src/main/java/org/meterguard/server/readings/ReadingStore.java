package org.meterguard.server.readings;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.TimeRange;
import org.meterguard.server.database.CopyBinary;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores and reads interval readings. Each (meter, channel, UTC day) is one row of value and quality arrays;
 * storing merges into that row so that a re-sent or late interval fills its slot once and never overwrites a
 * slot that already holds a value.
 */
@Service
public class ReadingStore {
    private final JdbcClient jdbc;
    private final DataSource dataSource;

    ReadingStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Merges {@code readings}, which lie on {@code grid}, into the meter's days, in the caller's transaction. */
    @Transactional
    public void merge(MeterId meter, Channel channel, IntervalGrid grid, List<IntervalReading> readings) {
        Map<LocalDate, IntervalDay> days = new TreeMap<>();
        for (IntervalReading reading : readings) {
            days.computeIfAbsent(grid.dayOf(reading.start()), day -> new IntervalDay(meter, channel, grid, day))
                    .fill(grid.slotOf(reading.start()), reading);
        }
        mergeDays(days.values());
    }

    /**
     * Merges many days at once, in the caller's transaction. Days not stored yet go into {@code interval_day} by
     * COPY directly; days already stored go by COPY to a session-local staging table and from there merge in one
     * statement, where a slot that already holds a value keeps it. The days must have distinct keys (merge a
     * batch's days with {@link IntervalDay#fillFrom} first). Should another writer store one of the "new" days in
     * between, the COPY fails on the primary key and the caller's transaction is retried whole.
     */
    @Transactional
    public void mergeDays(Collection<IntervalDay> days) {
        if (days.isEmpty()) {
            return;
        }
        java.util.Set<IntervalDay.Key> stored = storedKeys(days);
        CopyBinary fresh = new CopyBinary(days.size(), IntervalDay.COPY_BYTES);
        CopyBinary existing = new CopyBinary(stored.size(), IntervalDay.COPY_BYTES);
        days.forEach(day -> day.appendTo(stored.contains(day.key()) ? existing : fresh));
        copy(
                fresh,
                "COPY interval_day (meter_id, channel, day, interval_seconds, vals, quality) FROM STDIN"
                        + " (FORMAT binary)");
        if (existing.rows() == 0) {
            return;
        }
        jdbc.sql("""
                        CREATE TEMP TABLE IF NOT EXISTS incoming_day (
                            meter_id text, channel smallint, day date, interval_seconds integer,
                            vals bigint[], quality smallint[]) ON COMMIT DELETE ROWS""").update();
        copy(
                existing,
                "COPY incoming_day (meter_id, channel, day, interval_seconds, vals, quality) FROM STDIN"
                        + " (FORMAT binary)");
        jdbc.sql("""
                        INSERT INTO interval_day (meter_id, channel, day, interval_seconds, vals, quality)
                        SELECT meter_id, channel, day, interval_seconds, vals, quality FROM incoming_day
                        ON CONFLICT (meter_id, channel, day) DO UPDATE
                           SET vals = mg_fill_slots(interval_day.vals, EXCLUDED.vals),
                               quality = mg_fill_slots(interval_day.quality, EXCLUDED.quality),
                               updated_at = now()
                         WHERE interval_day.interval_seconds = EXCLUDED.interval_seconds""").update();
    }

    private java.util.Set<IntervalDay.Key> storedKeys(Collection<IntervalDay> days) {
        String[] meters = new String[days.size()];
        Short[] channels = new Short[days.size()];
        String[] dates = new String[days.size()];
        int i = 0;
        for (IntervalDay day : days) {
            meters[i] = day.key().meterId().value();
            channels[i] = day.channel().code();
            dates[i] = day.day().toString();
            i++;
        }
        java.util.Set<IntervalDay.Key> stored = new java.util.HashSet<>();
        jdbc.sql("""
                        SELECT d.meter_id, d.channel, d.day FROM interval_day d
                          JOIN unnest(?::text[], ?::smallint[], ?::date[]) AS u(meter_id, channel, day)
                            ON d.meter_id = u.meter_id AND d.channel = u.channel AND d.day = u.day""").params(meters, channels, dates).query(rs -> {
            stored.add(new IntervalDay.Key(
                    MeterId.of(rs.getString(1)), Channel.ofCode(rs.getShort(2)), rs.getObject(3, LocalDate.class)));
        });
        return stored;
    }

    private void copy(CopyBinary rows, String sql) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            rows.copyInto(connection, sql);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("COPY of " + rows.rows() + " interval days failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The stored readings of one channel whose intervals start within {@code range}, in time order. */
    public List<IntervalReading> read(MeterId meter, Channel channel, TimeRange range) {
        IntervalGrid anyGrid = IntervalGrid.QUARTER_HOURLY;
        List<IntervalReading> readings = new ArrayList<>();
        jdbc.sql("""
                        SELECT day, interval_seconds, vals, quality FROM interval_day
                         WHERE meter_id = ? AND channel = ? AND day BETWEEN ? AND ?
                         ORDER BY day""")
                .params(
                        meter.value(),
                        channel.code(),
                        anyGrid.dayOf(range.from()),
                        anyGrid.dayOf(range.to().minusNanos(1)))
                .query(rs -> {
                    addRow(rs, range, readings);
                });
        return readings;
    }

    private static void addRow(ResultSet rs, TimeRange range, List<IntervalReading> into) throws SQLException {
        LocalDate day = rs.getObject("day", LocalDate.class);
        IntervalGrid grid = new IntervalGrid(java.time.Duration.ofSeconds(rs.getInt("interval_seconds")));
        Long[] values = (Long[]) arrayOf(rs.getArray("vals"));
        Short[] quality = (Short[]) arrayOf(rs.getArray("quality"));
        for (int slot = 0; slot < values.length; slot++) {
            if (values[slot] == null) {
                continue;
            }
            java.time.Instant start = grid.startOf(day, slot);
            if (range.contains(start)) {
                into.add(new IntervalReading(start, values[slot], ReadingQuality.ofEspiCode(quality[slot])));
            }
        }
    }

    private static Object arrayOf(Array array) throws SQLException {
        try {
            return array.getArray();
        } finally {
            array.free();
        }
    }
}
