package org.meterguard.core.legal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.meterguard.core.TimeRange;
import org.meterguard.core.consent.InformationCategory;

/**
 * Decides whether a customer's data may be released under a legal demand now, and whether a notice can be recorded.
 * Deny by default: only an OPEN demand releases, only what its scope names; an emergency request is released at
 * once; a demand whose notice an order forbids, and an order or warrant, without waiting; a contestable demand (a
 * subpoena by default) only after the customer of that account was notified and the contest period has passed.
 */
public final class LegalDemandRules {
    private final LegalDemandPolicy policy;
    private final ZoneId zone;

    /** Rules under {@code policy}, reading usage days in {@code zone}. */
    public LegalDemandRules(LegalDemandPolicy policy, ZoneId zone) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The policy these rules apply. */
    public LegalDemandPolicy policy() {
        return policy;
    }

    /** Why a notice to the customer of {@code accountId} given on {@code givenOn} cannot be recorded; empty if it can. */
    public Optional<String> refusalOfNotice(LegalDemand demand, String accountId, LocalDate givenOn, LocalDate today) {
        String name = "legal demand " + demand.demandId();
        if (demand.noticeForbidden()) {
            return Optional.of("an order forbids notifying the customer of " + name);
        }
        if (!demand.scope().accountIds().contains(accountId)) {
            return Optional.of(name + " does not name account " + accountId);
        }
        if (givenOn.isBefore(demand.receivedOn())) {
            return Optional.of(
                    "a notice given on " + givenOn + " precedes " + name + ", received on " + demand.receivedOn());
        }
        if (givenOn.isAfter(today)) {
            return Optional.of("a notice cannot be recorded as given on " + givenOn + ", after today " + today);
        }
        return Optional.empty();
    }

    /**
     * The decision on releasing {@code category} of {@code accountId} over {@code period} under {@code demand} on
     * {@code today}, given the notice that account's customer received (if any).
     */
    public ReleaseDecision decideRelease(
            LegalDemand demand,
            Optional<CustomerNotice> notice,
            String accountId,
            InformationCategory category,
            TimeRange period,
            LocalDate today) {
        String name = demand.kind() + " " + demand.demandId();
        if (demand.status() != LegalDemandStatus.OPEN) {
            return ReleaseDecision.refuse(name + " is " + demand.status() + ": nothing is released under it"
                    + (demand.status() == LegalDemandStatus.CONTESTED ? " until the contest is resolved" : ""));
        }
        Optional<String> outside = demand.scope().refusalFor(accountId, category, period, zone);
        if (outside.isPresent()) {
            return ReleaseDecision.refuse(name + " does not cover the release: " + outside.get());
        }
        if (demand.kind().emergency()) {
            return ReleaseDecision.permit(
                    ReleaseGround.EMERGENCY,
                    "emergency request (imminent threat to life or property): released at once, without notice");
        }
        if (demand.noticeForbidden()) {
            return ReleaseDecision.permit(
                    ReleaseGround.NOTICE_FORBIDDEN,
                    name + ": an order forbids notifying the customer; released without notice or contest period");
        }
        if (!policy.waitsForContest(demand)) {
            return ReleaseDecision.permit(ReleaseGround.ORDER, name + ": complied with as ordered, no contest period");
        }
        return afterContest(name, notice.filter(n -> n.accountId().equals(accountId)), accountId, today);
    }

    private ReleaseDecision afterContest(
            String name, Optional<CustomerNotice> notice, String accountId, LocalDate today) {
        if (notice.isEmpty()) {
            return ReleaseDecision.refuse("the customer of account " + accountId + " has not been notified of " + name
                    + ": notify them and allow " + policy.contestDays() + " days to contest before releasing");
        }
        LocalDate given = notice.get().givenOn();
        if (today.isBefore(policy.releasableFrom(given))) {
            return ReleaseDecision.refuse("the customer of account " + accountId + " was notified of " + name + " on "
                    + given + " and may contest it through " + policy.lastContestDay(given)
                    + "; nothing is released before " + policy.releasableFrom(given));
        }
        return ReleaseDecision.permit(
                ReleaseGround.CONTEST_PERIOD_PASSED,
                name + ": the customer was notified on " + given + " and did not contest it by "
                        + policy.lastContestDay(given));
    }
}
