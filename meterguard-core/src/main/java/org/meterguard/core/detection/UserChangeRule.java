package org.meterguard.core.detection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Access after a role change (with the role held before it: stale privileges, e.g. a session that outlived the
 * change) or after the account was disabled (a terminated user still acting; refused attempts are a warning).
 */
final class UserChangeRule {
    private final Map<String, String> lastRole = new HashMap<>();
    private final Map<String, UserChange> roleChanges = new HashMap<>();
    private final Map<String, UserChange> disabled = new HashMap<>();

    /** Remembers a change kept from before a restart. */
    void restore(UserChange change) {
        apply(change);
    }

    /** Checks {@code record} against the changes seen so far; returns the change it records, if it is one. */
    Optional<UserChange> observe(AccessRecord record, List<Finding> findings) {
        check(record, findings);
        if (!record.actor().isEmpty() && !record.role().isEmpty()) {
            lastRole.put(record.actor(), record.role());
        }
        Optional<UserChange> change = changeIn(record);
        change.ifPresent(this::apply);
        return change;
    }

    private void check(AccessRecord record, List<Finding> findings) {
        UserChange termination = disabled.get(record.actor());
        if (termination != null && record.at().isAfter(termination.at())) {
            findings.add(finding(
                    FindingKind.ACCESS_AFTER_TERMINATION,
                    record,
                    termination,
                    "after the account was disabled at " + termination.at()));
            return;
        }
        UserChange roleChange = roleChanges.get(record.actor());
        if (roleChange != null
                && !roleChange.previousRole().isEmpty()
                && roleChange.previousRole().equals(record.role())
                && record.at().isAfter(roleChange.at())) {
            findings.add(finding(
                    FindingKind.ACCESS_AFTER_ROLE_CHANGE,
                    record,
                    roleChange,
                    "with role " + record.role() + ", which was changed at " + roleChange.at()));
        }
    }

    private Optional<UserChange> changeIn(AccessRecord record) {
        if (!record.subject().startsWith("user:") || record.denied()) {
            return Optional.empty();
        }
        String user = record.subject().substring("user:".length());
        switch (record.action()) {
            case "role-changed":
                return Optional.of(new UserChange(
                        user, UserChange.Kind.ROLE_CHANGED, record.at(), record.seq(), lastRole.get(user)));
            case "user-disabled":
                return Optional.of(new UserChange(user, UserChange.Kind.DISABLED, record.at(), record.seq(), ""));
            case "user-enabled":
                return Optional.of(new UserChange(user, UserChange.Kind.ENABLED, record.at(), record.seq(), ""));
            default:
                return Optional.empty();
        }
    }

    private void apply(UserChange change) {
        switch (change.kind()) {
            case ROLE_CHANGED -> roleChanges.put(change.username(), change);
            case DISABLED -> disabled.put(change.username(), change);
            case ENABLED -> disabled.remove(change.username());
        }
    }

    private static Finding finding(FindingKind kind, AccessRecord record, UserChange change, String when) {
        return new Finding(
                kind,
                record.denied() ? Severity.WARNING : Severity.CRITICAL,
                record.actorSubject(),
                record.actor() + " did " + record.action() + " on " + record.subject() + " (" + record.decision() + ") "
                        + when,
                record.at(),
                List.of(Evidence.auditEntry(change.seq()), record.evidence()));
    }
}
