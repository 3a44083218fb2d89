package org.meterguard.server.accounts;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.meterguard.core.TimeRange;
import org.meterguard.server.database.CopyBinaryReader;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which account's usage each meter measured, where and when, for the whole fleet at once (aggregates): one binary
 * COPY of the join of installations, service points, occupancy and accounts, decoded without a JDBC row per
 * placement (at fleet scale the row-by-row result set cost several times the query).
 */
@Service
public class Placements {
    private final DataSource dataSource;

    Placements(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Streams every placement overlapping {@code range} to {@code sink}, in no particular order. */
    @Transactional(readOnly = true)
    public long stream(TimeRange range, Consumer<Placement> sink) {
        String sql = "COPY (" + select(range) + ") TO STDOUT (FORMAT binary)";
        Connection connection = DataSourceUtils.getConnection(dataSource);
        long rows = 0;
        try (InputStream stream = new PGCopyInputStream(connection.unwrap(PGConnection.class), plan(connection, sql))) {
            CopyBinaryReader reader = new CopyBinaryReader(stream);
            while (reader.nextRow() > 0) {
                sink.accept(new Placement(
                        reader.text(),
                        reader.text(),
                        reader.text(),
                        reader.text(),
                        AccountClass.valueOf(reader.text()),
                        Instant.ofEpochSecond(reader.int8()),
                        Instant.ofEpochSecond(reader.int8())));
                rows++;
            }
            return rows;
        } catch (SQLException | IOException e) {
            throw new DataAccessResourceFailureException("streaming placements failed after " + rows, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Settles the plan for the whole fleet: the range filters make the planner expect a few thousand rows and look
     * every service point and account up by index, one at a time (1.3 s per 100,000 placements measured); hash
     * joins over the tables read once are what a fleet needs. The settings last for this transaction only.
     */
    private static String plan(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL enable_nestloop = off");
            statement.execute("SET LOCAL work_mem = '256MB'");
        }
        return sql;
    }

    /** The placements query for {@code range} (instants inlined, as COPY takes no parameters); public for EXPLAIN. */
    public static String select(TimeRange range) {
        String end = "'9999-12-31 00:00:00+00'";
        String from = "'" + range.from() + "'";
        String to = "'" + range.to() + "'";
        return "SELECT i.meter_id, o.account_id, p.feeder, p.zone, a.account_class,"
                + " extract(epoch FROM greatest(o.move_in, i.installed_at))::bigint,"
                + " extract(epoch FROM least(coalesce(o.move_out, " + end + "), coalesce(i.removed_at, " + end
                + ")))::bigint"
                + " FROM meter_installation i"
                + " JOIN service_point p ON p.service_point_id = i.service_point_id"
                + " JOIN occupancy o ON o.service_point_id = i.service_point_id"
                + " AND o.move_in < coalesce(i.removed_at, " + end + ")"
                + " AND coalesce(o.move_out, " + end + ") > i.installed_at"
                + " JOIN customer_account a ON a.account_id = o.account_id"
                + " WHERE i.installed_at < " + to + " AND coalesce(i.removed_at, " + end + ") > " + from
                + " AND o.move_in < " + to + " AND coalesce(o.move_out, " + end + ") > " + from;
    }
}
