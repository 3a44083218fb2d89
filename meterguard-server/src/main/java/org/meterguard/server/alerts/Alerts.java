package org.meterguard.server.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meterguard.core.detection.Evidence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises and lists alerts. An alert of one kind about one subject is stored once while it is open: raising it
 * again counts a repeat and updates its last-seen time and detail, so a meter whose cover opens a hundred times
 * is one alert with 100 occurrences, not a hundred. An alert may carry evidence (audit log entries, head-end
 * security events, key changes): each repeat adds its own, up to {@value #EVIDENCE_LIMIT} per alert, and a repeat
 * that is more severe raises the alert's severity.
 */
@Service
public class Alerts {
    /** The most evidence rows one alert keeps; later repeats still count as occurrences. */
    public static final int EVIDENCE_LIMIT = 1000;

    private final JdbcClient jdbc;

    Alerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Raises (or repeats) an alert of {@code kind} about {@code subject}. */
    @Transactional
    public void raise(String kind, Alert.Severity severity, String subject, String detail, Instant at) {
        raise(kind, severity, subject, detail, at, List.of());
    }

    /**
     * Raises (or repeats) an alert of {@code kind} about {@code subject} with the evidence it rests on; returns
     * the open alert's id.
     */
    @Transactional
    public long raise(
            String kind, Alert.Severity severity, String subject, String detail, Instant at, List<Evidence> evidence) {
        return raise(kind, severity, subject, detail, at, at, evidence, 1);
    }

    /**
     * Raises (or repeats) an alert of {@code kind} about {@code subject} for {@code occurrences} occurrences at once,
     * seen first at {@code firstSeen} and last at {@code lastSeen}, as that many calls of
     * {@link #raise(String, Alert.Severity, String, String, Instant, List)} would; returns the open alert's id.
     */
    @Transactional
    public long raise(
            String kind,
            Alert.Severity severity,
            String subject,
            String detail,
            Instant firstSeen,
            Instant lastSeen,
            List<Evidence> evidence,
            long occurrences) {
        if (occurrences < 1) {
            throw new IllegalArgumentException(occurrences + " occurrences of an alert");
        }
        long id = jdbc.sql("""
                        INSERT INTO alert (kind, severity, subject, detail, first_seen_at, last_seen_at, occurrences)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (kind, subject) WHERE closed_at IS NULL DO UPDATE
                           SET occurrences = alert.occurrences + EXCLUDED.occurrences,
                               last_seen_at = GREATEST(alert.last_seen_at, EXCLUDED.last_seen_at),
                               detail = EXCLUDED.detail,
                               severity = CASE WHEN alert.severity = 'CRITICAL' OR EXCLUDED.severity = 'CRITICAL'
                                               THEN 'CRITICAL'
                                               WHEN alert.severity = 'WARNING' OR EXCLUDED.severity = 'WARNING'
                                               THEN 'WARNING' ELSE 'INFO' END
                        RETURNING id""")
                .params(
                        kind,
                        severity.name(),
                        subject,
                        detail,
                        Timestamp.from(firstSeen),
                        Timestamp.from(lastSeen),
                        occurrences)
                .query(Long.class)
                .single();
        if (!evidence.isEmpty()) {
            addEvidence(id, evidence);
        }
        return id;
    }

    private void addEvidence(long id, List<Evidence> evidence) {
        long kept = jdbc.sql("SELECT count(*) FROM alert_evidence WHERE alert_id = ?")
                .param(id)
                .query(Long.class)
                .single();
        List<Evidence> room = evidence.subList(0, (int) Math.max(0, Math.min(evidence.size(), EVIDENCE_LIMIT - kept)));
        if (room.isEmpty()) {
            return;
        }
        String[] sources = room.stream().map(e -> e.source().name()).toArray(String[]::new);
        String[] refs = room.stream().map(Evidence::ref).toArray(String[]::new);
        jdbc.sql("""
                        INSERT INTO alert_evidence (alert_id, source, ref)
                        SELECT ?, s, r FROM unnest(?::text[], ?::text[]) AS e(s, r)
                        ON CONFLICT DO NOTHING""").params(id, sources, refs).update();
    }

    /** The evidence an alert rests on, in the order it was added. */
    public List<Evidence> evidence(long id) {
        return jdbc.sql("SELECT source, ref FROM alert_evidence WHERE alert_id = ? ORDER BY added_at, source, ref")
                .param(id)
                .query((rs, n) -> new Evidence(Evidence.Source.valueOf(rs.getString("source")), rs.getString("ref")))
                .list();
    }

    /** Alerts first raised in [{@code from}, {@code to}), counted by kind and by severity. */
    public AlertTally tally(Instant from, Instant to) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT kind, severity, count(*) AS n FROM alert
                         WHERE first_seen_at >= ? AND first_seen_at < ?
                         GROUP BY kind, severity ORDER BY kind, severity""").params(Timestamp.from(from), Timestamp.from(to)).query(rs -> {
            long n = rs.getLong("n");
            byKind.merge(rs.getString("kind"), n, Long::sum);
            bySeverity.merge(rs.getString("severity"), n, Long::sum);
        });
        long total = bySeverity.values().stream().mapToLong(Long::longValue).sum();
        return new AlertTally(total, byKind, bySeverity);
    }

    /** The newest alerts first; only open ones unless {@code includeClosed}. */
    public List<Alert> list(boolean includeClosed, String subject, int limit) {
        return list(includeClosed, subject, limit, true);
    }

    /**
     * The newest alerts first; only open ones unless {@code includeClosed}; alerts about people (see
     * {@link Alert#aboutPeople()}) only when {@code aboutPeople}.
     */
    public List<Alert> list(boolean includeClosed, String subject, int limit, boolean aboutPeople) {
        return jdbc.sql("""
                        SELECT * FROM alert
                         WHERE (? OR closed_at IS NULL) AND (CAST(? AS text) IS NULL OR subject = ?)
                           AND (? OR NOT (subject LIKE 'user:%' OR subject LIKE 'address:%'
                                          OR subject LIKE 'third-party:%'))
                         ORDER BY last_seen_at DESC, id DESC LIMIT ?""")
                .params(includeClosed, subject, subject, aboutPeople, limit)
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
