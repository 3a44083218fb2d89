package org.meterguard.server.headend;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads what the head-end recorded in {@code security_event}: refused frames and handshakes, aggregated per reason
 * and source with their number of occurrences. Kinds are {@code FRAME_<RejectionReason>} and
 * {@code TLS_HANDSHAKE_REFUSED}.
 */
@Service
public class SecurityEventLog {
    /**
     * One recorded burst.
     *
     * @param id its row id, rising
     * @param at when it was written
     * @param kind {@code FRAME_<RejectionReason>} or {@code TLS_HANDSHAKE_REFUSED}
     * @param systemTitle the frame's system title, or null
     * @param peer the collector's address
     * @param detail the refusal's message
     * @param occurrences how many times it happened in the burst
     */
    public record SecurityEvent(
            long id, Instant at, String kind, Long systemTitle, String peer, String detail, long occurrences) {}

    private final JdbcClient jdbc;

    SecurityEventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Events with an id above {@code afterId}, oldest first, at most {@code limit}. */
    public List<SecurityEvent> after(long afterId, int limit) {
        return jdbc.sql("""
                        SELECT id, occurred_at, kind, system_title, peer_address, detail, occurrences
                          FROM security_event WHERE id > ? ORDER BY id LIMIT ?""")
                .params(afterId, limit)
                .query((rs, n) -> new SecurityEvent(
                        rs.getLong("id"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("kind"),
                        (Long) rs.getObject("system_title"),
                        rs.getString("peer_address"),
                        rs.getString("detail"),
                        rs.getLong("occurrences")))
                .list();
    }

    /** The highest id recorded so far, or 0. */
    public long lastId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM security_event")
                .query(Long.class)
                .single();
    }

    /** Occurrences per kind recorded in [{@code from}, {@code to}). */
    public Map<String, Long> occurrencesByKind(Instant from, Instant to) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT kind, sum(occurrences) AS n FROM security_event
                         WHERE occurred_at >= ? AND occurred_at < ? GROUP BY kind ORDER BY kind""").params(Timestamp.from(from), Timestamp.from(to)).query(rs -> {
            byKind.put(rs.getString("kind"), rs.getLong("n"));
        });
        return byKind;
    }
}
