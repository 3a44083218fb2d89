package org.meterguard.server.accounts;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.TimeRange;
import org.meterguard.server.database.CopyBinaryReader;
import org.meterguard.server.readings.DayRowHandler;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which account's usage each meter measured, where and when, for the whole fleet at once (aggregates). Reads the
 * {@code meter_placement} projection, which triggers keep equal to the join of installations, service points,
 * occupancy and accounts on every change to any of them (V19); binary COPY, decoded without a JDBC row per row.
 */
@Service
public class Placements {
    private final DataSource dataSource;
    private final JdbcClient jdbc;

    Placements(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Which of a service point's places a placed day row names. */
    public enum Area {
        FEEDER,
        ZONE
    }

    /** Streams every placement overlapping {@code range} to {@code sink}, in meter order. */
    @Transactional(readOnly = true)
    public long stream(TimeRange range, Consumer<Placement> sink) {
        String sql = "COPY (SELECT meter_id, account_id, feeder, zone, account_class, from_s, to_s"
                + " FROM meter_placement WHERE from_s < " + range.to().getEpochSecond() + " AND to_s > "
                + range.from().getEpochSecond() + " ORDER BY meter_id, from_s) TO STDOUT (FORMAT binary)";
        return copy(sql, reader -> {
            sink.accept(new Placement(
                    reader.text(),
                    reader.text(),
                    reader.text(),
                    reader.text(),
                    AccountClass.valueOf(reader.text()),
                    Instant.ofEpochSecond(reader.int8()),
                    Instant.ofEpochSecond(reader.int8())));
            return true;
        });
    }

    /**
     * Streams {@code channel}'s day rows for UTC days {@code first} to {@code last} (inclusive) of the meters whose
     * ids lie in {@code [fromMeter, toMeter)} (byte order; null for open), in meter and day order, each with the
     * placement holding the day's start: one pass of the store's primary key merged with the projection's meter
     * index, no sort and no per-meter lookup. Several streams over disjoint ranges share the work out over the
     * cores. Where two placements held one meter at a day's start (writers refuse overlapping installations and
     * occupancies, so only hand-made data has them), the earlier-starting one takes the row and it is handed over
     * once. Returns the rows streamed.
     */
    @Transactional(readOnly = true)
    public long streamPlacedDays(
            Channel channel,
            LocalDate first,
            LocalDate last,
            Area area,
            String fromMeter,
            String toMeter,
            PlacedDayHandler handler) {
        String sql =
                "COPY (" + placedDays(channel, first, last, area, fromMeter, toMeter) + ") TO STDOUT (FORMAT binary)";
        long[] values = new long[IntervalGrid.QUARTER_HOURLY.slotsPerDay()];
        MeterDay previous = new MeterDay();
        return copy(sql, reader -> {
            boolean repeated = previous.next(reader);
            String account = reader.text();
            String place = reader.text();
            String accountClass = reader.text();
            LocalDate day = reader.date();
            repeated &= previous.sameDay(day);
            int slots = reader.packed(values, DayRowHandler.MISSING);
            if (slots != values.length) {
                throw new IllegalStateException("day row " + day + " has " + slots + " slots, not " + values.length);
            }
            if (repeated) {
                return false;
            }
            handler.row(account, place, accountClass == null ? null : AccountClass.valueOf(accountClass), day, values);
            return true;
        });
    }

    /**
     * The placed day rows' query (literals inlined, as COPY takes no parameters; the meter bounds are quoted).
     * Merge joins only: the store's rows come in primary key order and the projection in its meter index's (an
     * index-only scan), so neither is sorted nor hashed (the settings last for the transaction); the meter range
     * bounds both indexes. Public for EXPLAIN.
     */
    public static String placedDays(
            Channel channel, LocalDate first, LocalDate last, Area area, String fromMeter, String toMeter) {
        String dayStart = "(d.day - DATE '1970-01-01') * 86400::bigint";
        return "SELECT d.meter_id, p.account_id, p." + area.name().toLowerCase(java.util.Locale.ROOT)
                + ", p.account_class, d.day, d.vals"
                + " FROM interval_day d LEFT JOIN meter_placement p ON p.meter_id = d.meter_id"
                + " AND p.from_s <= " + dayStart + " AND p.to_s > " + dayStart
                + range("p", fromMeter, toMeter)
                + " WHERE d.channel = " + channel.code() + " AND d.day BETWEEN '" + first + "' AND '" + last + "'"
                + range("d", fromMeter, toMeter)
                + " ORDER BY d.meter_id, d.day";
    }

    /** The meter range on both sides of the join, so that each index is read over the range alone. */
    private static String range(String table, String fromMeter, String toMeter) {
        return (fromMeter == null ? "" : " AND " + table + ".meter_id >= " + quote(fromMeter))
                + (toMeter == null ? "" : " AND " + table + ".meter_id < " + quote(toMeter));
    }

    /** The previous row's meter (its bytes, two buffers in turn) and day: a repeated meter-day found unallocated. */
    private static final class MeterDay {
        private byte[] meter = new byte[256];
        private byte[] last = new byte[256];
        private int length = -1;
        private int lastLength = -1;
        private LocalDate day;

        /** Reads the row's meter; true where it is the previous row's. */
        boolean next(CopyBinaryReader reader) throws IOException {
            byte[] swap = last;
            last = meter;
            meter = swap;
            lastLength = length;
            length = reader.textBytes(meter);
            return length == lastLength && java.util.Arrays.equals(meter, 0, length, last, 0, lastLength);
        }

        /** Records the row's day; true where it is the previous row's. */
        boolean sameDay(LocalDate rowDay) {
            boolean same = rowDay.equals(day);
            day = rowDay;
            return same;
        }
    }

    /**
     * Meter ids splitting the placed meters into {@code ranges} ranges of about equal size, from a sample of the
     * projection's pages (empty where the sample is too small to split: one range then). Any split points
     * partition the meters correctly; the sample only balances the ranges.
     */
    public List<String> splitPoints(int ranges) {
        if (ranges < 2) {
            return List.of();
        }
        List<String> sample = jdbc.sql("SELECT meter_id FROM meter_placement TABLESAMPLE SYSTEM (1) REPEATABLE (19)"
                        + " ORDER BY meter_id")
                .query(String.class)
                .list();
        List<String> points = new ArrayList<>();
        for (int i = 1; i < ranges && sample.size() >= ranges * 16; i++) {
            String point = sample.get(sample.size() * i / ranges);
            if (points.isEmpty() || !points.get(points.size() - 1).equals(point)) {
                points.add(point);
            }
        }
        return points;
    }

    private static String quote(String literal) {
        return "'" + literal.replace("'", "''") + "'";
    }

    /** Reads one row of a COPY; true where it counts. */
    private interface RowReader {
        boolean read(CopyBinaryReader reader) throws IOException;
    }

    private long copy(String sql, RowReader rowReader) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        long rows = 0;
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL enable_sort = off");
                statement.execute("SET LOCAL enable_hashjoin = off");
                statement.execute("SET LOCAL enable_nestloop = off");
            }
            try (InputStream stream = new PGCopyInputStream(connection.unwrap(PGConnection.class), sql)) {
                CopyBinaryReader reader = new CopyBinaryReader(stream);
                while (reader.nextRow() > 0) {
                    if (rowReader.read(reader)) {
                        rows++;
                    }
                }
            }
            return rows;
        } catch (SQLException | IOException e) {
            throw new DataAccessResourceFailureException("streaming placements failed after " + rows + " rows", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
