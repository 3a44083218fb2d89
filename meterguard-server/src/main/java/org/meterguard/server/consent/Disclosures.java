package org.meterguard.server.consent;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.meterguard.audit.AuditEvent;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.PurposeOfUse;
import org.meterguard.core.consent.BasisKind;
import org.meterguard.core.consent.DisclosureDecision;
import org.meterguard.core.consent.DisclosureRequest;
import org.meterguard.core.consent.DisclosureRules;
import org.meterguard.core.consent.Granularity;
import org.meterguard.core.consent.InformationCategory;
import org.meterguard.core.thirdparty.ThirdParty;
import org.meterguard.server.accounts.AccountReadings;
import org.meterguard.server.audit.Actor;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.thirdparties.ThirdParties;
import org.meterguard.server.thirdparties.ThirdPartyProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Every disclosure of covered information to a third party passes here. Each request is decided afresh from what
 * is stored at that instant ({@link DisclosureRules}: the party's standing and contracts, the customer's
 * authorizations), so a revocation or a cut-off refuses the very next request. Each decision, permitted or not, is
 * audited under the customer's account with what was asked (category, usage period, granularity, purpose) and, when
 * refused, why (the actor is the third party's id with role {@code THIRD_PARTY}); each release is written to the disclosure log with its basis and the audit entry that permitted it.
 */
@Service
public class Disclosures {
    private final ThirdParties thirdParties;
    private final Authorizations authorizations;
    private final AccountReadings readings;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final ZoneId utilityZone;
    private final DisclosureRules rules;
    private final Clock clock = Clock.systemUTC();

    Disclosures(
            ThirdParties thirdParties,
            Authorizations authorizations,
            AccountReadings readings,
            AuditLog audit,
            JdbcClient jdbc,
            ThirdPartyProperties properties) {
        this.thirdParties = thirdParties;
        this.authorizations = authorizations;
        this.readings = readings;
        this.audit = audit;
        this.jdbc = jdbc;
        this.utilityZone = properties.utilityZone();
        this.rules = new DisclosureRules(utilityZone);
    }

    /** The clock's instant, for requests made now. */
    public Instant now() {
        return clock.instant();
    }

    /** Decides {@code request} now, audits the decision, and returns it (releasing nothing). */
    public Decided decide(DisclosureRequest request, Actor actor) {
        Optional<ThirdParty> party = thirdParties.find(request.thirdPartyId());
        DisclosureDecision decision = rules.decide(
                request,
                party,
                party.isPresent() ? thirdParties.contracts(request.thirdPartyId()) : List.of(),
                authorizations.forAccount(request.accountId()));
        long seq = audit.append(new AuditEvent(
                clock.instant(),
                actor.name(),
                actor.role(),
                "disclose-covered-data",
                "account/" + request.accountId() + "/" + request.category(),
                "account:" + request.accountId(),
                purpose(request),
                auditBasis(decision),
                decision.permitted() ? "PERMIT" : "DENY",
                actor.clientAddress(),
                "to " + request.thirdPartyId() + ": " + request.describe()
                        + (decision.permitted() ? "" : "; refused: " + decision.reason())));
        return new Decided(decision, seq);
    }

    /** A decision and the audit entry recording it. */
    public record Decided(DisclosureDecision decision, long auditSeq) {}

    /**
     * Decides {@code request}; when permitted, produces the data with {@code data} and writes the disclosure log;
     * when refused, throws {@link DisclosureRefused} and produces nothing.
     */
    public <T> List<T> disclose(DisclosureRequest request, Actor actor, Supplier<List<T>> data) {
        Decided decided = decide(request, actor);
        DisclosureDecision decision = decided.decision();
        if (!decision.permitted()) {
            throw new DisclosureRefused(decision.reason());
        }
        List<T> released = data.get();
        log(request, decided, released.size());
        return released;
    }

    /** A release written as it is produced (e.g. a document streamed to the response); answers how many items. */
    @FunctionalInterface
    public interface Release {
        /** Writes the data; returns how many values or records it released. */
        long write() throws IOException;
    }

    /**
     * Decides {@code request}; when permitted, runs {@code release} (which writes the data out) and writes the
     * disclosure log with what it released; when refused, throws {@link DisclosureRefused} and runs nothing.
     */
    public long release(DisclosureRequest request, Actor actor, Release release) throws IOException {
        Decided decided = decide(request, actor);
        if (!decided.decision().permitted()) {
            throw new DisclosureRefused(decided.decision().reason());
        }
        long items = release.write();
        log(request, decided, items);
        return items;
    }

    private void log(DisclosureRequest request, Decided decided, long items) {
        DisclosureDecision decision = decided.decision();
        writeLog(new LogLine(
                request.thirdPartyId(),
                null,
                request.accountId(),
                purpose(request),
                request.category(),
                request.usagePeriod(),
                request.granularity(),
                decision.basisKind().orElseThrow(),
                decision.basisId(),
                items,
                decided.auditSeq(),
                null));
    }

    /** One line to write to the disclosure log; {@code thirdPartyId} null only for a legal demand's issuer. */
    record LogLine(
            String thirdPartyId,
            String recipient,
            String accountId,
            String purpose,
            InformationCategory category,
            org.meterguard.core.TimeRange usagePeriod,
            Granularity granularity,
            BasisKind basisKind,
            String basisId,
            long items,
            long auditSeq,
            String releaseGround) {}

    void writeLog(LogLine line) {
        jdbc.sql("""
                        INSERT INTO disclosure_log (disclosed_at, third_party_id, recipient, account_id, purpose,
                            category, usage_from, usage_to, granularity, basis_kind, basis_id, items, audit_seq,
                            release_ground)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        Timestamp.from(clock.instant()),
                        line.thirdPartyId(),
                        line.recipient(),
                        line.accountId(),
                        line.purpose(),
                        line.category().name(),
                        Timestamp.from(line.usagePeriod().from()),
                        Timestamp.from(line.usagePeriod().to()),
                        line.granularity().name(),
                        line.basisKind().name(),
                        line.basisId(),
                        line.items(),
                        line.auditSeq(),
                        line.releaseGround())
                .update();
    }

    /**
     * Discloses the account's interval usage (import energy) over the request's period at its granularity: sums of
     * the stored intervals per hour (UTC), per day or month (in the utility's zone).
     */
    public List<UsageValue> discloseIntervalUsage(DisclosureRequest request, Actor actor) {
        if (request.category() != InformationCategory.INTERVAL_USAGE) {
            throw new IllegalArgumentException("interval usage is released as " + InformationCategory.INTERVAL_USAGE
                    + ", not " + request.category());
        }
        return disclose(
                request,
                actor,
                () -> bin(
                        readings.read(request.accountId(), Channel.ACTIVE_ENERGY_IMPORT, request.usagePeriod()),
                        request.granularity()));
    }

    List<UsageValue> bin(List<IntervalReading> intervals, Granularity granularity) {
        List<UsageValue> values = new ArrayList<>();
        for (IntervalReading reading : intervals) {
            Instant start = binStart(reading.start(), granularity);
            int last = values.size() - 1;
            if (last >= 0 && values.get(last).start().equals(start)) {
                UsageValue previous = values.get(last);
                values.set(last, new UsageValue(start, previous.end(), previous.value() + reading.value()));
            } else {
                values.add(new UsageValue(start, binEnd(start, granularity), reading.value()));
            }
        }
        return values;
    }

    private Instant binStart(Instant at, Granularity granularity) {
        ZonedDateTime local = at.atZone(utilityZone);
        switch (granularity) {
            case QUARTER_HOURLY:
                return at;
            case HOURLY:
                return at.truncatedTo(ChronoUnit.HOURS);
            case DAILY:
                return local.truncatedTo(ChronoUnit.DAYS).toInstant();
            default:
                return local.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).toInstant();
        }
    }

    private Instant binEnd(Instant start, Granularity granularity) {
        ZonedDateTime local = start.atZone(utilityZone);
        switch (granularity) {
            case QUARTER_HOURLY:
                return start.plusSeconds(900);
            case HOURLY:
                return start.plusSeconds(3600);
            case DAILY:
                return local.plusDays(1).toInstant();
            default:
                return local.plusMonths(1).toInstant();
        }
    }

    /** The disclosure log, newest first: of one party and/or one account when given, at most {@code limit} lines. */
    public List<DisclosureRecord> log(String thirdPartyId, String accountId, int limit) {
        return jdbc.sql("""
                        SELECT * FROM disclosure_log
                         WHERE (?::text IS NULL OR third_party_id = ?) AND (?::text IS NULL OR account_id = ?)
                         ORDER BY disclosure_id DESC LIMIT ?""")
                .params(thirdPartyId, thirdPartyId, accountId, accountId, limit)
                .query(Disclosures::record)
                .list();
    }

    /** The releases made under one basis (e.g. a legal demand), oldest first. */
    public List<DisclosureRecord> underBasis(BasisKind kind, String basisId) {
        return jdbc.sql("SELECT * FROM disclosure_log WHERE basis_kind = ? AND basis_id = ? ORDER BY disclosure_id")
                .params(kind.name(), basisId)
                .query(Disclosures::record)
                .list();
    }

    private static DisclosureRecord record(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String thirdParty = rs.getString("third_party_id");
        String recipient = rs.getString("recipient");
        return new DisclosureRecord(
                rs.getLong("disclosure_id"),
                rs.getTimestamp("disclosed_at").toInstant(),
                thirdParty,
                recipient == null ? thirdParty : recipient,
                rs.getString("account_id"),
                rs.getString("purpose"),
                rs.getString("category"),
                rs.getTimestamp("usage_from").toInstant(),
                rs.getTimestamp("usage_to").toInstant(),
                rs.getString("granularity"),
                BasisKind.valueOf(rs.getString("basis_kind")),
                rs.getString("basis_id"),
                rs.getLong("items"),
                rs.getLong("audit_seq"),
                rs.getString("release_ground"));
    }

    /**
     * The basis as the audit entry names it: an authorization by its bare id (as unusual-activity detection looks
     * it up), a contract as {@code contract:<id>}, a legal demand as {@code legal-demand:<id>}; empty when refused.
     */
    private static String auditBasis(DisclosureDecision decision) {
        if (decision.basisKind().isEmpty()) {
            return "";
        }
        switch (decision.basisKind().get()) {
            case CUSTOMER_AUTHORIZATION:
                return decision.basisId();
            case CONTRACT:
                return "contract:" + decision.basisId();
            default:
                return "legal-demand:" + decision.basisId();
        }
    }

    private static String purpose(DisclosureRequest request) {
        return request.purpose() == PurposeOfUse.SECONDARY
                ? "SECONDARY:" + request.secondaryPurpose()
                : request.purpose().name();
    }
}
