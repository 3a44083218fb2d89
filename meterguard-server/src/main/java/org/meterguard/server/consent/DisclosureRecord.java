package org.meterguard.server.consent;

import java.time.Instant;
import org.meterguard.core.consent.BasisKind;

/**
 * One line of the disclosure log: what data went to whom, when, under which basis.
 *
 * @param disclosureId its number
 * @param disclosedAt when
 * @param thirdPartyId to which registered third party; null for a release under a legal demand
 * @param recipient who received it: the third party's id, or a legal demand's issuer
 * @param accountId whose data
 * @param purpose the purpose of use (a secondary one as {@code SECONDARY:<token>})
 * @param category what information
 * @param usageFrom the first instant of usage released
 * @param usageTo the end of the usage released
 * @param granularity how fine
 * @param basisKind the kind of basis
 * @param basisId the authorization, contract or demand
 * @param items how many values or records were released
 * @param auditSeq the audit entry of the permitting decision
 * @param releaseGround for a legal demand, the ground of the release (e.g. EMERGENCY, CONTEST_PERIOD_PASSED); else
 *     null
 */
public record DisclosureRecord(
        long disclosureId,
        Instant disclosedAt,
        String thirdPartyId,
        String recipient,
        String accountId,
        String purpose,
        String category,
        Instant usageFrom,
        Instant usageTo,
        String granularity,
        BasisKind basisKind,
        String basisId,
        long items,
        long auditSeq,
        String releaseGround) {}
