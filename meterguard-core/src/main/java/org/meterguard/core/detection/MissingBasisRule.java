package org.meterguard.core.detection;

import java.util.List;
import org.meterguard.core.PurposeOfUse;

/**
 * Covered reads that went ahead without a basis where one is expected: the purpose needs one (then the policy
 * decision point should have refused, so it is critical) or the role's work always comes with a work order or a
 * customer's request.
 */
final class MissingBasisRule implements AccessRule {
    private final DetectionSettings settings;

    MissingBasisRule(DetectionSettings settings) {
        this.settings = settings;
    }

    @Override
    public void observe(AccessRecord record, List<Finding> findings) {
        if (!record.coveredRead() || record.denied() || !record.basis().isEmpty()) {
            return;
        }
        boolean purposeNeedsOne = purposeNeedsBasis(record.purpose());
        if (!purposeNeedsOne && !settings.basisExpectedRoles().contains(record.role())) {
            return;
        }
        findings.add(new Finding(
                FindingKind.READ_WITHOUT_BASIS,
                purposeNeedsOne ? Severity.CRITICAL : Severity.WARNING,
                record.actorSubject(),
                record.actor() + " (" + record.role() + ") read " + record.subject() + " for " + record.purpose()
                        + " naming no work order or request",
                record.at(),
                List.of(record.evidence())));
    }

    private static boolean purposeNeedsBasis(String purpose) {
        for (PurposeOfUse known : PurposeOfUse.values()) {
            if (known.name().equals(purpose)) {
                return known.requiresBasis();
            }
        }
        return false;
    }
}
