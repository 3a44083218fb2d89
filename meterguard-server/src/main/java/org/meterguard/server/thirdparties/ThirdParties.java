package org.meterguard.server.thirdparties;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.meterguard.audit.AuditEvent;
import org.meterguard.core.PurposeOfUse;
import org.meterguard.core.thirdparty.Breach;
import org.meterguard.core.thirdparty.BreachAssessment;
import org.meterguard.core.thirdparty.BreachRules;
import org.meterguard.core.thirdparty.Contract;
import org.meterguard.core.thirdparty.ContractStatus;
import org.meterguard.core.thirdparty.CutOff;
import org.meterguard.core.thirdparty.CutOffReason;
import org.meterguard.core.thirdparty.ThirdParty;
import org.meterguard.server.audit.Actor;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.web.Conflict;
import org.meterguard.server.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The third-party registry. Registering a party, recording a contract, a breach or a cut-off each appends an audit
 * entry under the officer who did it. Recording a breach assesses it ({@link BreachRules}); a breach that completes
 * a pattern of breach cuts the party off in the same transaction.
 */
@Service
public class ThirdParties {
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ThirdPartyProperties properties;
    private final Clock clock;

    ThirdParties(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events, ThirdPartyProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** Registers {@code party} (not cut off); refused when its id is taken. */
    @Transactional
    public ThirdParty register(ThirdParty party, Actor officer) {
        if (party.cutOff().isPresent()) {
            throw new IllegalArgumentException("a third party is registered before it can be cut off");
        }
        if (find(party.thirdPartyId()).isPresent()) {
            throw new Conflict("third party " + party.thirdPartyId() + " is already registered");
        }
        jdbc.sql("INSERT INTO third_party (third_party_id, organization, contact, registered_at, registered_by)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(party.thirdPartyId(), party.organization(), party.contact(), now(), officer.name())
                .update();
        record(officer, "register-third-party", party.thirdPartyId(), "", party.organization());
        return party;
    }

    /** The party, if registered. */
    public Optional<ThirdParty> find(String thirdPartyId) {
        return jdbc.sql("SELECT * FROM third_party WHERE third_party_id = ?")
                .param(thirdPartyId)
                .query((rs, n) -> party(rs))
                .optional();
    }

    /** Every registered party, by id. */
    public List<ThirdParty> all() {
        return jdbc.sql("SELECT * FROM third_party ORDER BY third_party_id")
                .query((rs, n) -> party(rs))
                .list();
    }

    /** Records {@code contract} for its party; refused when the party is unknown or the contract id is taken. */
    @Transactional
    public Contract addContract(Contract contract, Actor officer) {
        require(contract.thirdPartyId());
        if (jdbc.sql("SELECT 1 FROM third_party_contract WHERE contract_id = ?")
                .param(contract.contractId())
                .query(Integer.class)
                .optional()
                .isPresent()) {
            throw new Conflict("contract " + contract.contractId() + " is already recorded");
        }
        jdbc.sql("""
                        INSERT INTO third_party_contract (contract_id, third_party_id, terms, protective_terms_confirmed,
                            effective_on, expires_on, status, allowed_purposes, primary_purpose_contractor,
                            recorded_at, recorded_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?)""")
                .params(
                        contract.contractId(),
                        contract.thirdPartyId(),
                        contract.terms(),
                        contract.protectiveTermsConfirmed(),
                        Date.valueOf(contract.effective()),
                        contract.expiry().map(Date::valueOf).orElse(null),
                        contract.status().name(),
                        contract.allowedPurposes().stream()
                                .map(Enum::name)
                                .sorted()
                                .toArray(String[]::new),
                        contract.primaryPurposeContractor(),
                        now(),
                        officer.name())
                .update();
        record(
                officer,
                "record-contract",
                contract.thirdPartyId(),
                "contract:" + contract.contractId(),
                contract.status() + " " + contract.effective() + "/"
                        + contract.expiry().map(Object::toString).orElse("")
                        + " purposes " + contract.allowedPurposes() + " contractor "
                        + contract.primaryPurposeContractor() + " protective terms "
                        + contract.protectiveTermsConfirmed());
        return contract;
    }

    /** Changes a contract's status (e.g. suspends or terminates it). */
    @Transactional
    public Contract changeContractStatus(String contractId, ContractStatus status, Actor officer) {
        Contract contract = contracts(null).stream()
                .filter(c -> c.contractId().equals(contractId))
                .findFirst()
                .orElseThrow(() -> new NotFound("no contract " + contractId));
        jdbc.sql("UPDATE third_party_contract SET status = ? WHERE contract_id = ?")
                .params(status.name(), contractId)
                .update();
        record(
                officer,
                "change-contract-status",
                contract.thirdPartyId(),
                "contract:" + contractId,
                contract.status() + " -> " + status);
        return contracts(contract.thirdPartyId()).stream()
                .filter(c -> c.contractId().equals(contractId))
                .findFirst()
                .orElseThrow();
    }

    /** The party's contracts (every party's when {@code thirdPartyId} is null), by id. */
    public List<Contract> contracts(String thirdPartyId) {
        return jdbc.sql("SELECT * FROM third_party_contract WHERE (?::text IS NULL OR third_party_id = ?)"
                        + " ORDER BY contract_id")
                .params(thirdPartyId, thirdPartyId)
                .query((rs, n) -> contract(rs))
                .list();
    }

    /**
     * Records {@code breach} and assesses it against every breach recorded before. A breach that completes a
     * pattern of breach cuts its party off at once (unless it already is).
     */
    @Transactional
    public BreachAssessment recordBreach(Breach breach, Actor officer) {
        lock(breach.thirdPartyId());
        if (breaches(null).stream().anyMatch(b -> b.breachId().equals(breach.breachId()))) {
            throw new Conflict("breach " + breach.breachId() + " is already recorded");
        }
        LocalDate today = clock.instant().atZone(properties.utilityZone()).toLocalDate();
        BreachAssessment assessment = new BreachRules(properties.breachPolicy()).assess(breach, breaches(null), today);
        jdbc.sql("""
                        INSERT INTO third_party_breach (breach_id, third_party_id, detected_on, reported_on,
                            customers_affected, cumulative_customers, regulator_notice_due, pattern_of_breach,
                            recorded_at, recorded_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        breach.breachId(),
                        breach.thirdPartyId(),
                        Date.valueOf(breach.detected()),
                        breach.reportedByThirdParty().map(Date::valueOf).orElse(null),
                        breach.customersAffected(),
                        assessment.cumulativeCustomers(),
                        assessment.regulatorNoticeDue().map(Date::valueOf).orElse(null),
                        assessment.patternOfBreach(),
                        now(),
                        officer.name())
                .update();
        record(
                officer,
                "record-breach",
                breach.thirdPartyId(),
                "breach:" + breach.breachId(),
                "detected " + breach.detected() + ", reported "
                        + breach.reportedByThirdParty().map(Object::toString).orElse("not yet")
                        + (assessment.reportLate() ? " (late)" : "") + ", customers " + breach.customersAffected()
                        + ", cumulative " + assessment.cumulativeCustomers() + ", regulator notice "
                        + assessment.regulatorNoticeDue().map(d -> "due " + d).orElse("not required")
                        + ", pattern " + assessment.patternOfBreach());
        if (assessment.patternOfBreach()
                && find(breach.thirdPartyId()).orElseThrow().cutOff().isEmpty()) {
            cutOff(
                    breach.thirdPartyId(),
                    CutOffReason.PATTERN_OF_BREACH,
                    assessment.breachesInPatternWindow() + " breaches within " + properties.patternWindow()
                            + ", the last " + breach.breachId(),
                    officer);
        }
        return assessment;
    }

    /** Every breach recorded (of one party when {@code thirdPartyId} is given), oldest detection first. */
    public List<Breach> breaches(String thirdPartyId) {
        return jdbc.sql("SELECT * FROM third_party_breach WHERE (?::text IS NULL OR third_party_id = ?)"
                        + " ORDER BY detected_on, breach_id")
                .params(thirdPartyId, thirdPartyId)
                .query((rs, n) -> new Breach(
                        rs.getString("breach_id"),
                        rs.getString("third_party_id"),
                        rs.getDate("detected_on").toLocalDate(),
                        Optional.ofNullable(rs.getDate("reported_on")).map(Date::toLocalDate),
                        rs.getInt("customers_affected")))
                .list();
    }

    /** The breaches whose regulator notice is required, with their due dates, for the privacy officer. */
    public List<BreachNotice> regulatorNotices() {
        return jdbc.sql("SELECT breach_id, third_party_id, detected_on, customers_affected, cumulative_customers,"
                        + " regulator_notice_due FROM third_party_breach WHERE regulator_notice_due IS NOT NULL"
                        + " ORDER BY regulator_notice_due, breach_id")
                .query((rs, n) -> new BreachNotice(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getDate(3).toLocalDate(),
                        rs.getInt(4),
                        rs.getLong(5),
                        rs.getDate(6).toLocalDate()))
                .list();
    }

    /** Cuts the party off now, by the privacy officer's decision: all disclosure to it ceases at once. */
    @Transactional
    public CutOff cutOff(String thirdPartyId, String note, Actor officer) {
        lock(thirdPartyId);
        return cutOff(thirdPartyId, CutOffReason.PRIVACY_OFFICER_DECISION, note, officer);
    }

    private CutOff cutOff(String thirdPartyId, CutOffReason reason, String note, Actor officer) {
        ThirdParty party = require(thirdPartyId);
        CutOff cut = new CutOff(clock.instant(), reason, officer.name(), note);
        try {
            party.cutOff(cut);
        } catch (IllegalArgumentException e) {
            throw new Conflict(e.getMessage());
        }
        jdbc.sql("UPDATE third_party SET cut_off_at = ?, cut_off_reason = ?, cut_off_by = ?, cut_off_note = ?"
                        + " WHERE third_party_id = ?")
                .params(Timestamp.from(cut.at()), reason.name(), officer.name(), cut.note(), thirdPartyId)
                .update();
        record(officer, "cut-off-third-party", thirdPartyId, reason.name(), cut.note());
        events.publishEvent(new ThirdPartyCutOff(thirdPartyId, cut));
        return cut;
    }

    private ThirdParty require(String thirdPartyId) {
        return find(thirdPartyId).orElseThrow(() -> new NotFound("no third party " + thirdPartyId));
    }

    private void lock(String thirdPartyId) {
        jdbc.sql("SELECT 1 FROM third_party WHERE third_party_id = ? FOR UPDATE")
                .param(thirdPartyId)
                .query(Integer.class)
                .optional()
                .orElseThrow(() -> new NotFound("no third party " + thirdPartyId));
    }

    private void record(Actor officer, String action, String thirdPartyId, String basis, String detail) {
        audit.append(new AuditEvent(
                clock.instant(),
                officer.name(),
                officer.role(),
                action,
                "third-party/" + thirdPartyId,
                "third-party:" + thirdPartyId,
                "",
                basis,
                "EXECUTED",
                officer.clientAddress(),
                detail));
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static ThirdParty party(ResultSet rs) throws SQLException {
        Timestamp cutAt = rs.getTimestamp("cut_off_at");
        Optional<CutOff> cut = cutAt == null
                ? Optional.empty()
                : Optional.of(new CutOff(
                        cutAt.toInstant(),
                        CutOffReason.valueOf(rs.getString("cut_off_reason")),
                        rs.getString("cut_off_by"),
                        rs.getString("cut_off_note")));
        return new ThirdParty(
                rs.getString("third_party_id"), rs.getString("organization"), rs.getString("contact"), cut);
    }

    private static Contract contract(ResultSet rs) throws SQLException {
        Set<PurposeOfUse> purposes = EnumSet.noneOf(PurposeOfUse.class);
        for (String purpose : (String[]) rs.getArray("allowed_purposes").getArray()) {
            purposes.add(PurposeOfUse.valueOf(purpose));
        }
        return new Contract(
                rs.getString("contract_id"),
                rs.getString("third_party_id"),
                rs.getString("terms"),
                rs.getBoolean("protective_terms_confirmed"),
                rs.getDate("effective_on").toLocalDate(),
                Optional.ofNullable(rs.getDate("expires_on")).map(Date::toLocalDate),
                ContractStatus.valueOf(rs.getString("status")),
                purposes,
                rs.getBoolean("primary_purpose_contractor"));
    }
}
