package org.meterguard.server.legal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.meterguard.audit.AuditEvent;
import org.meterguard.core.TimeRange;
import org.meterguard.core.consent.BasisKind;
import org.meterguard.core.consent.Granularity;
import org.meterguard.core.consent.InformationCategory;
import org.meterguard.core.legal.CustomerNotice;
import org.meterguard.core.legal.LegalDemand;
import org.meterguard.core.legal.LegalDemandRules;
import org.meterguard.core.legal.LegalDemandStatus;
import org.meterguard.core.legal.ReleaseDecision;
import org.meterguard.server.accounts.Occupants;
import org.meterguard.server.audit.Actor;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.consent.Disclosures;
import org.meterguard.server.consent.LegalDemandRelease;
import org.meterguard.server.consent.LegalDisclosures;
import org.meterguard.server.consent.UsageValue;
import org.meterguard.server.thirdparties.ThirdPartyProperties;
import org.meterguard.server.web.BadRequest;
import org.meterguard.server.web.Conflict;
import org.meterguard.server.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The legal-demand register: registers demands, records the notices given to customers, their contests and the
 * outcome, closes demands, and releases data under them as {@link LegalDemandRules} allows on the day (in the
 * utility's zone), through {@link LegalDisclosures}. Every change is audited under each account concerned (purpose
 * ADMINISTRATION); every release decision under the account released (purpose LEGAL_REQUIREMENT).
 */
@Service
public class LegalDemands {
    private final LegalDemandStore store;
    private final Occupants occupants;
    private final LegalDisclosures releases;
    private final Disclosures disclosures;
    private final AuditLog audit;
    private final LegalDemandRules rules;
    private final ZoneId zone;
    private final Clock clock = Clock.systemUTC();

    LegalDemands(
            LegalDemandStore store,
            Occupants occupants,
            LegalDisclosures releases,
            Disclosures disclosures,
            AuditLog audit,
            LegalProperties properties,
            ThirdPartyProperties utility) {
        this.store = store;
        this.occupants = occupants;
        this.releases = releases;
        this.disclosures = disclosures;
        this.audit = audit;
        this.zone = utility.utilityZone();
        this.rules = new LegalDemandRules(properties.policy(), zone);
    }

    /** Registers {@code demand} (status OPEN); every account it names must exist. */
    @Transactional
    public LegalDemandRecord register(LegalDemand demand, Actor actor) {
        if (demand.status() != LegalDemandStatus.OPEN) {
            throw new BadRequest("a legal demand is registered OPEN, not " + demand.status());
        }
        if (demand.receivedOn().isAfter(today())) {
            throw new BadRequest("legal demand " + demand.demandId() + " cannot be received on " + demand.receivedOn()
                    + ", after today " + today());
        }
        for (String account : demand.scope().accountIds()) {
            if (!occupants.accountExists(account)) {
                throw new BadRequest("legal demand " + demand.demandId() + " names no account on record: " + account);
            }
        }
        if (!store.insert(demand, actor.name())) {
            throw new Conflict("legal demand '" + demand.demandId() + "' is already on record");
        }
        String detail = demand.kind() + " from " + demand.issuer() + ", received " + demand.receivedOn() + "; "
                + demand.scope().categories() + " " + demand.scope().usageFrom() + " through "
                + demand.scope().usageThrough() + (demand.noticeForbidden() ? "; an order forbids notice" : "");
        for (String account : demand.scope().accountIds()) {
            record(actor, "register-legal-demand", demand.demandId(), account, detail);
        }
        return details(demand.demandId());
    }

    /** The demand with its notices, releases and where each account's release stands today. */
    public LegalDemandRecord details(String demandId) {
        LegalDemandStore.Row row = row(store.find(demandId), demandId);
        List<CustomerNotice> notices = store.notices(demandId);
        List<LegalDemandRecord.AccountStanding> standings = new ArrayList<>();
        LegalDemand demand = row.demand();
        TimeRange whole = demand.scope().usagePeriod(zone);
        InformationCategory category = demand.scope().categories().iterator().next();
        for (String account : demand.scope().accountIds()) {
            Optional<CustomerNotice> notice =
                    notices.stream().filter(n -> n.accountId().equals(account)).findFirst();
            ReleaseDecision decision = rules.decideRelease(demand, notice, account, category, whole, today());
            boolean waits = rules.policy().waitsForContest(demand);
            standings.add(new LegalDemandRecord.AccountStanding(
                    account,
                    waits,
                    notice.map(CustomerNotice::givenOn).orElse(null),
                    waits
                            ? notice.map(n -> rules.policy().releasableFrom(n.givenOn()))
                                    .orElse(null)
                            : null,
                    decision.permitted(),
                    decision.reason()));
        }
        return new LegalDemandRecord(
                demand,
                row.recordedBy(),
                row.recordedAt(),
                row.closedAt(),
                notices,
                disclosures.underBasis(BasisKind.LEGAL_DEMAND, demandId),
                standings);
    }

    /** The demands received in {@code year} (days in the utility's zone), newest first. */
    public List<LegalDemand> receivedIn(int year) {
        return store.received(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)).stream()
                .map(LegalDemandStore.Row::demand)
                .toList();
    }

    /** Records that the customer of {@code notice}'s account was notified of the demand. */
    @Transactional
    public LegalDemandRecord recordNotice(CustomerNotice notice, Actor actor) {
        LegalDemand demand =
                row(store.lock(notice.demandId()), notice.demandId()).demand();
        if (demand.status() == LegalDemandStatus.CLOSED || demand.status() == LegalDemandStatus.QUASHED) {
            throw new Conflict("legal demand " + demand.demandId() + " is " + demand.status());
        }
        Optional<String> refusal = rules.refusalOfNotice(demand, notice.accountId(), notice.givenOn(), today());
        if (refusal.isPresent()) {
            throw new Conflict(refusal.get());
        }
        if (!store.insertNotice(notice, actor.name())) {
            throw new Conflict("the customer of account " + notice.accountId() + " was already notified of legal"
                    + " demand " + demand.demandId());
        }
        record(
                actor,
                "notify-customer-of-legal-demand",
                demand.demandId(),
                notice.accountId(),
                "notified on " + notice.givenOn() + " by " + notice.method());
        return details(demand.demandId());
    }

    /**
     * Records that the order's ban on notice has ended: the customers may now be notified, their access history
     * shows what was done under the demand, and a later release follows the rules for its kind.
     */
    @Transactional
    public LegalDemandRecord permitNotice(String demandId, Actor actor) {
        LegalDemand demand = row(store.lock(demandId), demandId).demand();
        if (!store.permitNotice(demandId)) {
            throw new Conflict("no order forbids notifying the customers of legal demand " + demandId);
        }
        for (String account : demand.scope().accountIds()) {
            record(actor, "permit-legal-demand-notice", demandId, account, "the order's ban on notice has ended");
        }
        return details(demandId);
    }

    /** Records that the customer of {@code accountId} contests the demand: nothing is released until resolved. */
    @Transactional
    public LegalDemandRecord contest(String demandId, String accountId, Actor actor) {
        LegalDemand demand = row(store.lock(demandId), demandId).demand();
        if (!demand.scope().accountIds().contains(accountId)) {
            throw new BadRequest("legal demand " + demandId + " does not name account " + accountId);
        }
        return move(
                demand,
                LegalDemandStatus.OPEN,
                LegalDemandStatus.CONTESTED,
                "contest-legal-demand",
                List.of(accountId),
                actor,
                "contested by the customer of account " + accountId);
    }

    /** Records the outcome of a contest: upheld (OPEN again) or quashed (nothing is ever released under it). */
    @Transactional
    public LegalDemandRecord resolve(String demandId, boolean upheld, Actor actor) {
        LegalDemand demand = row(store.lock(demandId), demandId).demand();
        return move(
                demand,
                LegalDemandStatus.CONTESTED,
                upheld ? LegalDemandStatus.OPEN : LegalDemandStatus.QUASHED,
                "resolve-legal-demand",
                demand.scope().accountIds(),
                actor,
                upheld ? "upheld" : "quashed");
    }

    /** Closes an open or contested demand. */
    @Transactional
    public LegalDemandRecord close(String demandId, Actor actor) {
        LegalDemand demand = row(store.lock(demandId), demandId).demand();
        LegalDemandStatus from =
                demand.status() == LegalDemandStatus.CONTESTED ? LegalDemandStatus.CONTESTED : LegalDemandStatus.OPEN;
        return move(
                demand,
                from,
                LegalDemandStatus.CLOSED,
                "close-legal-demand",
                demand.scope().accountIds(),
                actor,
                "");
    }

    /**
     * Releases the interval usage of {@code accountId} over {@code period} at {@code granularity} under the demand,
     * if the rules allow it today; the decision is audited either way and a refusal throws with its reason. Once the
     * rules permit, {@code readAuthorization} decides the caller's own read of the data (access control: role,
     * purpose, basis, privacy training) and throws where it is refused, before anything is read.
     */
    @Transactional
    public List<UsageValue> releaseIntervalUsage(
            String demandId,
            String accountId,
            TimeRange period,
            Granularity granularity,
            Actor actor,
            Runnable readAuthorization) {
        LegalDemand demand = row(store.lock(demandId), demandId).demand();
        Optional<CustomerNotice> notice = store.notices(demandId).stream()
                .filter(n -> n.accountId().equals(accountId))
                .findFirst();
        ReleaseDecision decision =
                rules.decideRelease(demand, notice, accountId, InformationCategory.INTERVAL_USAGE, period, today());
        if (decision.permitted()) {
            readAuthorization.run();
        }
        return releases.discloseIntervalUsage(
                new LegalDemandRelease(demandId, demand.issuer(), accountId, period, granularity, decision), actor);
    }

    private LegalDemandRecord move(
            LegalDemand demand,
            LegalDemandStatus from,
            LegalDemandStatus to,
            String action,
            List<String> accounts,
            Actor actor,
            String detail) {
        if (demand.status() != from) {
            throw new Conflict("legal demand " + demand.demandId() + " is " + demand.status() + ", not " + from);
        }
        store.setStatus(demand.demandId(), to);
        for (String account : accounts) {
            record(
                    actor,
                    action,
                    demand.demandId(),
                    account,
                    (detail.isEmpty() ? "" : detail + "; ") + from + " -> " + to);
        }
        return details(demand.demandId());
    }

    private void record(Actor actor, String action, String demandId, String accountId, String detail) {
        audit.append(new AuditEvent(
                clock.instant(),
                actor.name(),
                actor.role(),
                action,
                "legal-demands/" + demandId,
                "account:" + accountId,
                "ADMINISTRATION",
                "",
                "EXECUTED",
                actor.clientAddress(),
                detail));
    }

    private static LegalDemandStore.Row row(Optional<LegalDemandStore.Row> row, String demandId) {
        return row.orElseThrow(() -> new NotFound("no legal demand '" + demandId + "'"));
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }
}
