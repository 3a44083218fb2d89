package org.meterguard.server.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.meterguard.core.TimeRange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A customer's view of who accessed their covered information: from the audit log, every permitted access whose
 * subject is one of the customer's own accounts ({@code account:<id>}), with the role that read it, the purpose,
 * what was read and when, and never the name of the person. (A minimal query of {@code audit_entry}; the audit
 * module's own access-history service replaces it once it exists.)
 */
@Service
public class AccessHistory {
    private final JdbcClient jdbc;

    AccessHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One access as its customer sees it.
     *
     * @param at when
     * @param accountId which of the customer's accounts
     * @param accessedBy who, as organization and role (never a person's name)
     * @param purpose the declared purpose of use
     * @param action what was done, e.g. "read-interval-data"
     * @param resource what was read, e.g. "meter/MG-1/readings"
     */
    public record Access(
            Instant at, String accountId, String accessedBy, String purpose, String action, String resource) {}

    /** Accesses to {@code user}'s own accounts in {@code range}, oldest first (at most {@code limit}). */
    public List<Access> of(SignedInUser user, TimeRange range, int limit) {
        if (user.accountIds().isEmpty()) {
            return List.of();
        }
        String[] subjects =
                user.accountIds().stream().map(id -> "account:" + id).toArray(String[]::new);
        return jdbc.sql("""
                        SELECT recorded_at, subject, role, purpose, action, resource FROM audit_entry
                        WHERE subject = ANY (?::text[]) AND decision = 'PERMIT'
                          AND recorded_at >= ? AND recorded_at < ?
                        ORDER BY seq LIMIT ?""")
                .params(subjects, Timestamp.from(range.from()), Timestamp.from(range.to()), limit)
                .query((rs, n) -> new Access(
                        rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("subject").substring("account:".length()),
                        accessedBy(rs.getString("role")),
                        rs.getString("purpose"),
                        rs.getString("action"),
                        rs.getString("resource")))
                .list();
    }

    private static String accessedBy(String role) {
        if (role == null || role.isBlank()) {
            return "Meterguard (automated)";
        }
        if (SignedInUser.CUSTOMER_ROLE.equals(role)) {
            return "you (customer)";
        }
        return "utility staff: " + role.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
