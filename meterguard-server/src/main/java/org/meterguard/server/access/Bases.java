package org.meterguard.server.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.meterguard.core.MeterId;
import org.meterguard.core.StaffRole;
import org.meterguard.core.TimeRange;
import org.meterguard.core.access.BasisCheck;
import org.meterguard.core.access.BasisKind;
import org.meterguard.core.access.PolicyDecisionPoint;
import org.meterguard.server.accounts.Occupancy;
import org.meterguard.server.accounts.Occupants;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registers a declared basis is checked against: work orders (a field technician's basis to read a meter) and
 * customers' service requests (a representative's basis to read an account), each opened and closed here, every
 * change audited; legal demands (the basis of a read for a legal requirement) are kept by the legal module and
 * checked through {@link LegalDemandBases}.
 */
@Service
public class Bases {
    private static final TimeRange ALL_TIME = new TimeRange(Instant.EPOCH, Occupancy.OPEN_END);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final JdbcClient jdbc;
    private final Assignments assignments;
    private final Occupants occupants;
    private final ChangeRecorder recorder;
    private final ObjectProvider<LegalDemandBases> legalDemands;

    Bases(
            JdbcClient jdbc,
            Assignments assignments,
            Occupants occupants,
            ChangeRecorder recorder,
            ObjectProvider<LegalDemandBases> legalDemands) {
        this.jdbc = jdbc;
        this.assignments = assignments;
        this.occupants = occupants;
        this.recorder = recorder;
        this.legalDemands = legalDemands;
    }

    /** Opens work order {@code id} on {@code meter}, assigned to field technician {@code technician}. */
    @Transactional
    public void openWorkOrder(
            String id, MeterId meter, String technician, String reason, Authentication caller, String clientAddress) {
        requireId("work order", id);
        assignments.requireRole(technician, StaffRole.FIELD_TECHNICIAN);
        if (reason == null || reason.isBlank()) {
            throw new AccessRuleViolated("a work order needs a reason");
        }
        if (jdbc.sql("SELECT count(*) FROM meter WHERE meter_id = ?")
                        .param(meter.value())
                        .query(Long.class)
                        .single()
                == 0) {
            throw new AccessRuleViolated("no meter " + meter);
        }
        insertOnce(
                "work order",
                id,
                jdbc.sql("""
                        INSERT INTO work_order (work_order_id, meter_id, assigned_to, reason, opened_by)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                        .params(id, meter.value(), technician, reason, caller.getName())
                        .update());
        recorder.record(
                caller,
                clientAddress,
                "open-work-order",
                "work-orders/" + id,
                "meter:" + meter,
                "assigned to " + technician);
    }

    /** Records the customer's service request {@code id} for account {@code accountId}. */
    @Transactional
    public void openServiceRequest(String id, String accountId, Authentication caller, String clientAddress) {
        requireId("service request", id);
        requireAccount(accountId);
        StaffRole role = AccessControl.roleOf(caller);
        if (role != null
                && PolicyDecisionPoint.needsAssignedScope(role)
                && !assignments.coversAll(caller.getName(), List.of(accountId), ALL_TIME)) {
            String reason = "account " + accountId + " is in neither your queue nor your territory";
            recorder.refuse(
                    caller,
                    clientAddress,
                    "open-service-request",
                    "service-requests/" + id,
                    "account:" + accountId,
                    reason);
            throw new AccessDenied(reason);
        }
        insertOnce(
                "service request",
                id,
                jdbc.sql("""
                        INSERT INTO service_request (service_request_id, account_id, opened_by)
                        VALUES (?, ?, ?) ON CONFLICT DO NOTHING""").params(id, accountId, caller.getName()).update());
        recorder.record(
                caller, clientAddress, "open-service-request", "service-requests/" + id, "account:" + accountId, "");
    }

    /** Closes an open basis of {@code kind} (work order or service request). */
    @Transactional
    public void close(BasisKind kind, String id, Authentication caller, String clientAddress) {
        Register register = Register.of(kind);
        String subject = jdbc.sql("UPDATE " + register.table + " SET status = 'CLOSED', closed_at = now() WHERE "
                        + register.idColumn + " = ? AND status = 'OPEN' RETURNING " + register.subjectColumn)
                .param(id)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new AccessRuleViolated("no open " + kind.label() + " '" + id + "'"));
        recorder.record(
                caller,
                clientAddress,
                "close-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                register.path + id,
                register.subjectPrefix + subject,
                "");
    }

    /**
     * What the register of {@code kind} says of {@code id} as the basis of {@code reader} reading {@code target}
     * ({@code meter:ID} for a work order) concerning {@code accounts} over {@code period}.
     */
    BasisCheck check(BasisKind kind, String id, String reader, String target, List<String> accounts, TimeRange period) {
        if (id.isBlank()) {
            return BasisCheck.notGiven(kind);
        }
        if (kind == BasisKind.LEGAL_DEMAND) {
            LegalDemandBases register = legalDemands.getIfAvailable();
            return new BasisCheck(
                    kind, id, register == null ? BasisCheck.Status.UNKNOWN : register.check(id, accounts, period));
        }
        if (kind != BasisKind.WORK_ORDER && kind != BasisKind.SERVICE_REQUEST) {
            return new BasisCheck(kind, id, BasisCheck.Status.UNKNOWN);
        }
        Register register = Register.of(kind);
        Optional<String[]> row = jdbc.sql("SELECT " + register.subjectColumn + ", status, "
                        + (kind == BasisKind.WORK_ORDER ? "assigned_to" : "''") + " FROM " + register.table
                        + " WHERE " + register.idColumn + " = ?")
                .param(id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .optional();
        return new BasisCheck(
                kind,
                id,
                row.map(r -> status(kind, r, reader, target, accounts)).orElse(BasisCheck.Status.UNKNOWN));
    }

    private static BasisCheck.Status status(
            BasisKind kind, String[] row, String reader, String target, List<String> accounts) {
        if (!"OPEN".equals(row[1])) {
            return BasisCheck.Status.CLOSED;
        }
        if (kind == BasisKind.WORK_ORDER) {
            if (!target.equals(CoveredRead.METER + row[0])) {
                return BasisCheck.Status.OTHER_RESOURCE;
            }
            return row[2].equals(reader) ? BasisCheck.Status.VALID : BasisCheck.Status.NOT_ASSIGNED;
        }
        return !accounts.isEmpty() && accounts.stream().allMatch(row[0]::equals)
                ? BasisCheck.Status.VALID
                : BasisCheck.Status.OTHER_RESOURCE;
    }

    private void requireAccount(String accountId) {
        if (accountId == null || !occupants.accountExists(accountId)) {
            throw new AccessRuleViolated("no account " + accountId);
        }
    }

    private static void requireId(String what, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new AccessRuleViolated(
                    "invalid " + what + " id '" + id + "'; use 1 to 64 letters, digits, '.', '_' or '-'");
        }
    }

    private static void insertOnce(String what, String id, int inserted) {
        if (inserted == 0) {
            throw new AccessRuleViolated(what + " '" + id + "' is already on record");
        }
    }

    /** Where each kind of basis is kept. */
    private enum Register {
        WORK_ORDER("work_order", "work_order_id", "meter_id", "meter:", "work-orders/"),
        SERVICE_REQUEST("service_request", "service_request_id", "account_id", "account:", "service-requests/");

        final String table;
        final String idColumn;
        final String subjectColumn;
        final String subjectPrefix;
        final String path;

        Register(String table, String idColumn, String subjectColumn, String subjectPrefix, String path) {
            this.table = table;
            this.idColumn = idColumn;
            this.subjectColumn = subjectColumn;
            this.subjectPrefix = subjectPrefix;
            this.path = path;
        }

        static Register of(BasisKind kind) {
            switch (kind) {
                case WORK_ORDER:
                    return WORK_ORDER;
                case SERVICE_REQUEST:
                    return SERVICE_REQUEST;
                default:
                    throw new AccessRuleViolated("no register of " + kind.label() + "s is kept here");
            }
        }
    }
}
