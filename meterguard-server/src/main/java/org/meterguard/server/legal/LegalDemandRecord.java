package org.meterguard.server.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.meterguard.core.legal.CustomerNotice;
import org.meterguard.core.legal.LegalDemand;
import org.meterguard.server.consent.DisclosureRecord;

/**
 * A legal demand as the register keeps it: the demand, who recorded it and when, the notices given, the releases
 * made under it (from the disclosure log) and, per account named, whether a release of its scope may happen today.
 *
 * @param demand the demand
 * @param recordedBy who registered it
 * @param recordedAt when
 * @param closedAt when it was closed or quashed; null while open or contested
 * @param notices the notices given to customers
 * @param releases the releases made under it, oldest first
 * @param accounts per account named, where a release stands today
 */
public record LegalDemandRecord(
        LegalDemand demand,
        String recordedBy,
        Instant recordedAt,
        Instant closedAt,
        List<CustomerNotice> notices,
        List<DisclosureRecord> releases,
        List<AccountStanding> accounts) {
    /**
     * Where a release for one account stands today.
     *
     * @param accountId the account
     * @param waitsForContest whether the customer must be notified and the contest period pass first
     * @param noticeGivenOn the day the customer was notified; null when not
     * @param releasableFrom the first day a release may happen after the notice; null when no notice is needed or
     *     none was given
     * @param releasableNow whether a release of the demand's scope may happen today
     * @param reason why, or why not
     */
    public record AccountStanding(
            String accountId,
            boolean waitsForContest,
            LocalDate noticeGivenOn,
            LocalDate releasableFrom,
            boolean releasableNow,
            String reason) {}
}
