package org.meterguard.core.detection;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.meterguard.core.PurposeOfUse;
import org.meterguard.core.StaffRole;

/**
 * Purpose mismatches: a staff role declaring a purpose outside its work (critical if it was permitted), and
 * repeated refused reads by one user within an hour.
 */
final class PurposeRule implements AccessRule {
    private final DetectionSettings settings;
    private final SlidingWindow denials = new SlidingWindow(Duration.ofHours(1));

    PurposeRule(DetectionSettings settings) {
        this.settings = settings;
    }

    @Override
    public void observe(AccessRecord record, List<Finding> findings) {
        if (!record.coveredRead()) {
            return;
        }
        Optional<StaffRole> role = staffRole(record.role());
        Optional<PurposeOfUse> purpose = purpose(record.purpose());
        if (role.isPresent() && purpose.isPresent() && !role.get().mayDeclare(purpose.get())) {
            findings.add(new Finding(
                    FindingKind.PURPOSE_MISMATCH,
                    record.denied() ? Severity.WARNING : Severity.CRITICAL,
                    record.actorSubject(),
                    record.actor() + " (" + record.role() + ") declared " + record.purpose() + ", outside the role's"
                            + " work, to read " + record.subject() + (record.denied() ? " (refused)" : " (permitted)"),
                    record.at(),
                    List.of(record.evidence())));
        }
        if (record.denied()) {
            int count = denials.add(record.actor(), record.at(), record.evidence());
            if (count >= settings.denialThreshold()) {
                findings.add(new Finding(
                        FindingKind.REPEATED_DENIALS,
                        Severity.WARNING,
                        record.actorSubject(),
                        record.actor() + " was refused " + count + " covered reads within an hour",
                        record.at(),
                        denials.evidence(record.actor(), settings.evidenceLimit())));
            }
        }
        denials.prune(record.at());
    }

    private static Optional<StaffRole> staffRole(String name) {
        for (StaffRole role : StaffRole.values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    private static Optional<PurposeOfUse> purpose(String name) {
        for (PurposeOfUse purpose : PurposeOfUse.values()) {
            if (purpose.name().equals(name)) {
                return Optional.of(purpose);
            }
        }
        return Optional.empty();
    }
}
