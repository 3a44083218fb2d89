package org.meterguard.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.meterguard.core.PurposeOfUse;
import org.meterguard.core.StaffRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Every access to one customer account's covered information in a period, from the audit log's entries whose
 * subject is {@code account:<id>} (see {@link AuditEntryAppended} for the convention): role or organization,
 * purpose, kind of basis, action, resource, time and decision. It never returns a member of staff's name, client
 * address, basis identifier or free-text detail: what a customer is shown is what the utility may disclose, so
 * nothing done under a legal demand whose notice an order forbids is shown (its register entries, reads and
 * releases stay in the audit log for the auditors). Reads
 * the projection after waiting for it to hold every entry durable at the call, so an access made just before is
 * listed.
 */
@Service
public class AccessHistory {
    /** The most records one call returns. */
    public static final int MAX_RECORDS = 10_000;

    private static final String THIRD_PARTY_PREFIX = "third-party:";
    private static final String DISCLOSURE = "disclose-covered-data";

    private final JdbcClient jdbc;
    private final AuditLog auditLog;

    AccessHistory(JdbcClient jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    /**
     * The accesses to account {@code accountId} in {@code [from, to)}, oldest first, at most {@code limit} (1 to
     * {@link #MAX_RECORDS}).
     */
    public List<AccessRecord> of(String accountId, Instant from, Instant to, int limit) {
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("an account id is required");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the period " + from + " .. " + to + " is empty");
        }
        if (limit < 1 || limit > MAX_RECORDS) {
            throw new IllegalArgumentException("limit " + limit + " must be from 1 to " + MAX_RECORDS);
        }
        auditLog.awaitProjected();
        return jdbc.sql("""
                        SELECT recorded_at, actor, role, action, resource, purpose, basis, decision, detail
                          FROM audit_entry
                         WHERE subject = ? AND recorded_at >= ? AND recorded_at < ?
                           AND NOT EXISTS (SELECT 1 FROM legal_demand d
                                            WHERE d.notice_forbidden
                                              AND (resource = 'legal-demands/' || d.legal_demand_id
                                                   OR (purpose = 'LEGAL_REQUIREMENT' AND basis IN
                                                       (d.legal_demand_id, 'legal-demand:' || d.legal_demand_id))))
                         ORDER BY seq
                         LIMIT ?""")
                .params("account:" + accountId, Timestamp.from(from), Timestamp.from(to), limit)
                .query(AccessHistory::record)
                .list();
    }

    private static AccessRecord record(ResultSet rs, int row) throws SQLException {
        String actor = rs.getString("actor");
        String role = rs.getString("role");
        String purpose = rs.getString("purpose");
        String[] accessor = disclosedTo(rs.getString("action"), rs.getString("detail"));
        if (accessor == null) {
            accessor = accessor(actor, role);
        }
        return new AccessRecord(
                rs.getTimestamp("recorded_at").toInstant(),
                accessor[0],
                accessor[1],
                purpose,
                basisKind(purpose, rs.getString("basis")),
                rs.getString("action"),
                rs.getString("resource"),
                rs.getString("decision"));
    }

    /**
     * The third party a disclosure went to ({@code consent.Disclosures} records it as {@code to <id>: ...} in the
     * detail, the staff member deciding as the actor), or null for anything else.
     */
    private static String[] disclosedTo(String action, String detail) {
        if (!DISCLOSURE.equals(action) || !detail.startsWith("to ") || detail.indexOf(':') < 4) {
            return null;
        }
        return new String[] {
            "THIRD_PARTY", detail.substring(3, detail.indexOf(':')).strip()
        };
    }

    /** Kind and name of who accessed: a role or an organization, never the actor's own name. */
    private static String[] accessor(String actor, String role) {
        if (actor.startsWith(THIRD_PARTY_PREFIX)) {
            return new String[] {"THIRD_PARTY", actor.substring(THIRD_PARTY_PREFIX.length())};
        }
        if ("CUSTOMER".equals(role)) {
            return new String[] {"CUSTOMER", "CUSTOMER"};
        }
        if (Arrays.stream(StaffRole.values()).anyMatch(r -> r.name().equals(role))) {
            return new String[] {"UTILITY_STAFF", role};
        }
        return new String[] {"SYSTEM", role.isEmpty() ? "SYSTEM" : role};
    }

    /**
     * The kind of a basis, in the names of the policy's basis kinds: a basis written {@code kind:id} names its kind;
     * otherwise the purpose implies it (a customer-service read rests on the customer's service request, a
     * secondary one on their authorization, a billing or grid read with a basis on a work order).
     */
    static String basisKind(String purpose, String basis) {
        if (basis == null || basis.isBlank()) {
            return "NONE";
        }
        int colon = basis.indexOf(':');
        if (colon > 0) {
            String kind =
                    basis.substring(0, colon).strip().toUpperCase(Locale.ROOT).replace('-', '_');
            return kind.matches("[A-Z_]{1,32}") ? kind : "OTHER";
        }
        PurposeOfUse declared = Arrays.stream(PurposeOfUse.values())
                .filter(p -> p.name().equals(purpose))
                .findFirst()
                .orElse(null);
        if (declared == null) {
            return "OTHER";
        }
        return switch (declared) {
            case CUSTOMER_SERVICE -> "SERVICE_REQUEST";
            case CONTRACTED_PROGRAM -> "PROGRAM_CONTRACT";
            case LEGAL_REQUIREMENT -> "LEGAL_DEMAND";
            case SECONDARY -> "CUSTOMER_AUTHORIZATION";
            case BILLING, GRID_OPERATIONS -> "WORK_ORDER";
        };
    }
}
