package org.meterguard.core.detection;

import java.time.Instant;
import java.util.Objects;

/**
 * One audited access or change, as detection sees it (the audit log's entry without its free-text detail).
 *
 * <p>A <em>covered read</em> is an action named {@code read-…} that declares a purpose; it concerns a customer
 * when its subject is {@code account:<id>} or {@code meter:<id>}. Sign-ins are actions {@code sign-in} (denied
 * when they fail) and {@code sign-in-locked}; changes to users are {@code role-changed}, {@code user-disabled} and
 * {@code user-enabled} with subject {@code user:<name>}.
 *
 * @param seq the audit entry's leaf index, the evidence findings cite
 * @param at when it happened
 * @param actor who acted (a username, a third party's id, or a system component)
 * @param role the actor's role then, e.g. {@code CUSTOMER_SERVICE_REPRESENTATIVE}, {@code THIRD_PARTY}; may be
 *     empty
 * @param action what was done, e.g. {@code read-interval-data}
 * @param subject whom it concerns, e.g. {@code account:A-1}, {@code meter:MG-1}, {@code user:alice}; may be empty
 * @param purpose the declared purpose ({@code PurposeOfUse} name), empty for changes
 * @param basis the work order, request, authorization or demand id; empty when none
 * @param decision {@code PERMIT}, {@code DENY}, or {@code EXECUTED} for changes
 * @param clientAddress where the request came from; may be empty
 */
public record AccessRecord(
        long seq,
        Instant at,
        String actor,
        String role,
        String action,
        String subject,
        String purpose,
        String basis,
        String decision,
        String clientAddress) {
    public AccessRecord {
        if (seq < 0) {
            throw new IllegalArgumentException("audit leaf index " + seq + " is negative");
        }
        Objects.requireNonNull(at, "at");
        actor = Objects.requireNonNull(actor, "actor");
        role = Objects.requireNonNull(role, "role");
        action = Objects.requireNonNull(action, "action");
        subject = Objects.requireNonNull(subject, "subject");
        purpose = Objects.requireNonNull(purpose, "purpose");
        basis = Objects.requireNonNull(basis, "basis").strip();
        decision = Objects.requireNonNull(decision, "decision");
        clientAddress = Objects.requireNonNull(clientAddress, "clientAddress");
    }

    /** True when the decision was a refusal. */
    public boolean denied() {
        return "DENY".equals(decision);
    }

    /** True for a read of covered information ({@code read-…} with a declared purpose). */
    public boolean coveredRead() {
        return action.startsWith("read-") && !purpose.isEmpty();
    }

    /** True when the subject is a customer's account or meter. */
    public boolean concernsCustomer() {
        return subject.startsWith("account:") || subject.startsWith("meter:");
    }

    /** True for a failed sign-in ({@code sign-in} refused) or a lockout ({@code sign-in-locked}). */
    public boolean failedSignIn() {
        return ("sign-in".equals(action) && denied()) || "sign-in-locked".equals(action);
    }

    /** True for an export or a download (the action's name says so). */
    public boolean exportOrDownload() {
        String name = action.toLowerCase(java.util.Locale.ROOT);
        return name.contains("export") || name.contains("download");
    }

    /** The actor as an alert subject: {@code user:<actor>}. */
    public String actorSubject() {
        return "user:" + actor;
    }

    /** This entry as evidence. */
    public Evidence evidence() {
        return Evidence.auditEntry(seq);
    }
}
