package org.meterguard.server.consent;

import java.time.Clock;
import java.util.List;
import org.meterguard.audit.AuditEvent;
import org.meterguard.core.Channel;
import org.meterguard.core.PurposeOfUse;
import org.meterguard.core.consent.BasisKind;
import org.meterguard.core.consent.InformationCategory;
import org.meterguard.server.accounts.AccountReadings;
import org.meterguard.server.audit.Actor;
import org.meterguard.server.audit.AuditLog;
import org.springframework.stereotype.Service;

/**
 * Releases under legal demands, through the same disclosure log as every release to a third party: the decision
 * (taken by the legal-demand register under {@code core.legal}) is audited as {@code disclose-covered-data} under the
 * customer's account with purpose {@code LEGAL_REQUIREMENT} and basis {@code legal-demand:<id>}, so the customer's
 * access history shows it; a permitted release is written to {@code disclosure_log} with basis
 * {@code LEGAL_DEMAND}, the issuer as recipient and the ground of the release.
 */
@Service
public class LegalDisclosures {
    private final Disclosures disclosures;
    private final AccountReadings readings;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    LegalDisclosures(Disclosures disclosures, AccountReadings readings, AuditLog audit) {
        this.disclosures = disclosures;
        this.readings = readings;
        this.audit = audit;
    }

    /**
     * Audits {@code release}'s decision; when permitted, reads and bins the account's interval usage (import energy),
     * writes the disclosure log and returns the values; when refused, throws {@link DisclosureRefused}.
     */
    public List<UsageValue> discloseIntervalUsage(LegalDemandRelease release, Actor actor) {
        boolean permitted = release.decision().permitted();
        String ground = release.decision().ground().map(Enum::name).orElse("");
        long seq = audit.append(new AuditEvent(
                clock.instant(),
                actor.name(),
                actor.role(),
                "disclose-covered-data",
                "account/" + release.accountId() + "/" + InformationCategory.INTERVAL_USAGE,
                "account:" + release.accountId(),
                PurposeOfUse.LEGAL_REQUIREMENT.name(),
                permitted ? "legal-demand:" + release.demandId() : "",
                permitted ? "PERMIT" : "DENY",
                actor.clientAddress(),
                "to " + release.recipient().replace(':', ' ') + ": " + InformationCategory.INTERVAL_USAGE + " "
                        + release.usagePeriod().from() + "/"
                        + release.usagePeriod().to() + " "
                        + release.granularity() + " under legal demand " + release.demandId()
                        + (permitted
                                ? " (" + ground + ")"
                                : "; refused: " + release.decision().reason())));
        if (!permitted) {
            throw new DisclosureRefused(release.decision().reason());
        }
        List<UsageValue> values = disclosures.bin(
                readings.read(release.accountId(), Channel.ACTIVE_ENERGY_IMPORT, release.usagePeriod()),
                release.granularity());
        disclosures.writeLog(new Disclosures.LogLine(
                null,
                release.recipient(),
                release.accountId(),
                PurposeOfUse.LEGAL_REQUIREMENT.name(),
                InformationCategory.INTERVAL_USAGE,
                release.usagePeriod(),
                release.granularity(),
                BasisKind.LEGAL_DEMAND,
                release.demandId(),
                values.size(),
                seq,
                ground));
        return values;
    }
}
