package org.meterguard.core.detection;

import java.util.List;
import java.util.Optional;

/**
 * Touches of flagged accounts by people: any touch of a honeytoken (critical, refused or not), and permitted
 * reads of employees' and VIPs' accounts. Maintaining the flags themselves and system jobs are not touches.
 */
final class FlaggedSubjectRule implements AccessRule {
    /** Actions that manage the flags, done by the privacy officer or the security auditor. */
    static final List<String> FLAG_ACTIONS = List.of("flag-subject", "unflag-subject");

    private final FlaggedSubjects flags;

    FlaggedSubjectRule(FlaggedSubjects flags) {
        this.flags = flags;
    }

    @Override
    public void observe(AccessRecord record, List<Finding> findings) {
        if (record.subject().isEmpty()
                || record.actor().isEmpty()
                || "SYSTEM".equals(record.role())
                || FLAG_ACTIONS.contains(record.action())) {
            return;
        }
        Optional<FlagKind> flag = flags.flagOf(record.subject());
        if (flag.isEmpty()) {
            return;
        }
        if (flag.get() == FlagKind.HONEYTOKEN) {
            findings.add(new Finding(
                    FindingKind.HONEYTOKEN_TOUCHED,
                    Severity.CRITICAL,
                    record.actorSubject(),
                    record.actor() + " (" + record.role() + ") did " + record.action() + " on honeytoken "
                            + record.subject() + " (" + record.decision() + ")",
                    record.at(),
                    List.of(record.evidence())));
        } else if (record.action().startsWith("read-") && !record.denied()) {
            findings.add(new Finding(
                    FindingKind.FLAGGED_ACCOUNT_READ,
                    Severity.WARNING,
                    record.actorSubject(),
                    record.actor() + " (" + record.role() + ") read " + flag.get() + " account " + record.subject()
                            + " for " + record.purpose(),
                    record.at(),
                    List.of(record.evidence())));
        }
    }
}
