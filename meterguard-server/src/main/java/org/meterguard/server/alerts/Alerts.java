package org.meterguard.server.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises and lists alerts. An alert of one kind about one subject is stored once while it is open: raising it
 * again counts a repeat and updates its last-seen time and detail, so a meter whose cover opens a hundred times
 * is one alert with 100 occurrences, not a hundred.
 */
@Service
public class Alerts {
    private final JdbcClient jdbc;

    Alerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Raises (or repeats) an alert of {@code kind} about {@code subject}. */
    @Transactional
    public void raise(String kind, Alert.Severity severity, String subject, String detail, Instant at) {
        jdbc.sql("""
                        INSERT INTO alert (kind, severity, subject, detail, first_seen_at, last_seen_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (kind, subject) WHERE closed_at IS NULL DO UPDATE
                           SET occurrences = alert.occurrences + 1,
                               last_seen_at = GREATEST(alert.last_seen_at, EXCLUDED.last_seen_at),
                               detail = EXCLUDED.detail""")
                .params(kind, severity.name(), subject, detail, Timestamp.from(at), Timestamp.from(at))
                .update();
    }

    /** The newest alerts first; only open ones unless {@code includeClosed}. */
    public List<Alert> list(boolean includeClosed, String subject, int limit) {
        return jdbc.sql("""
                        SELECT * FROM alert
                         WHERE (? OR closed_at IS NULL) AND (CAST(? AS text) IS NULL OR subject = ?)
                         ORDER BY last_seen_at DESC, id DESC LIMIT ?""")
                .params(includeClosed, subject, subject, limit)
                .query(Alerts::alert)
                .list();
    }

    /** One alert. */
    public Optional<Alert> find(long id) {
        return jdbc.sql("SELECT * FROM alert WHERE id = ?")
                .param(id)
                .query(Alerts::alert)
                .optional();
    }

    /** Closes an open alert; false when it is not open. A repeat after closing opens a new alert. */
    @Transactional
    public boolean close(long id, String by) {
        return jdbc.sql("UPDATE alert SET closed_at = now(), closed_by = ? WHERE id = ? AND closed_at IS NULL")
                        .params(by, id)
                        .update()
                == 1;
    }

    private static Alert alert(ResultSet rs, int row) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Alert(
                rs.getLong("id"),
                rs.getString("kind"),
                Alert.Severity.valueOf(rs.getString("severity")),
                rs.getString("subject"),
                rs.getString("detail"),
                rs.getTimestamp("first_seen_at").toInstant(),
                rs.getTimestamp("last_seen_at").toInstant(),
                rs.getLong("occurrences"),
                closed == null ? null : closed.toInstant(),
                rs.getString("closed_by"));
    }
}
