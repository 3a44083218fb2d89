package org.meterguard.core.detection;

import java.util.List;
import java.util.Optional;

/**
 * Third parties' pulls of customers' data that fall outside the customer authorization they name as their basis:
 * unknown, granted to another party, not covering the subject, or not valid at the time. A basis naming a contract
 * ({@code contract:<id>}) or a legal demand ({@code legal-demand:<id>}) is not a customer's authorization; the
 * policy decision point checks those.
 */
final class ThirdPartyRule implements AccessRule {
    private final DetectionSettings settings;
    private final ThirdPartyGrants grants;

    ThirdPartyRule(DetectionSettings settings, ThirdPartyGrants grants) {
        this.settings = settings;
        this.grants = grants;
    }

    @Override
    public void observe(AccessRecord record, List<Finding> findings) {
        if (!settings.thirdPartyRole().equals(record.role())
                || !record.concernsCustomer()
                || record.basis().startsWith("contract:")
                || record.basis().startsWith("legal-demand:")) {
            return;
        }
        Optional<ThirdPartyGrant> grant = record.basis().isEmpty() ? Optional.empty() : grants.find(record.basis());
        String outside = grant.isEmpty()
                ? "it names no known authorization (" + (record.basis().isEmpty() ? "none" : record.basis()) + ")"
                : grant.get().outsideBecause(record.actor(), record.subject(), record.at());
        if (outside == null) {
            return;
        }
        findings.add(new Finding(
                FindingKind.THIRD_PARTY_OUT_OF_SCOPE,
                record.denied() ? Severity.WARNING : Severity.CRITICAL,
                "third-party:" + record.actor(),
                "third party " + record.actor() + " did " + record.action() + " on " + record.subject() + " ("
                        + record.decision() + "), but " + outside,
                record.at(),
                List.of(record.evidence())));
    }
}
