package org.meterguard.server.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.meterguard.audit.AuditEvent;
import org.meterguard.core.TimeRange;
import org.meterguard.core.consent.AuthorizationScope;
import org.meterguard.core.consent.AuthorizationStatus;
import org.meterguard.core.consent.ConsentRuleViolated;
import org.meterguard.core.consent.CustomerAuthorization;
import org.meterguard.core.consent.GrantMechanism;
import org.meterguard.core.consent.Granularity;
import org.meterguard.core.consent.InformationCategory;
import org.meterguard.core.consent.Revocation;
import org.meterguard.server.accounts.AccountClass;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.audit.Actor;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.thirdparties.ThirdParties;
import org.meterguard.server.web.Conflict;
import org.meterguard.server.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers' authorizations: granted online or from a signed form, one at a time per customer, third party and
 * purpose, revoked only by the granting mechanism with immediate effect, each change audited under the customer's
 * account. {@link #validFor} and {@link #validById} answer whether an authorization is a basis for a read now.
 */
@Service
public class Authorizations {
    private static final long LOCK_SPACE = 0x4d47_434f_4e53_0000L;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final ThirdParties thirdParties;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    Authorizations(
            JdbcClient jdbc,
            Accounts accounts,
            ThirdParties thirdParties,
            AuditLog audit,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.thirdParties = thirdParties;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Records the customer's authorization of {@code grant} on {@code accountId}, granted by {@code mechanism}
     * (ONLINE by the signed-in customer, SIGNED_FORM entered by a representative). Refused for an unknown account or
     * party, a cut-off party, or while another authorization for that party and purpose is in force.
     */
    @Transactional
    public CustomerAuthorization grant(
            String accountId, AuthorizationGrant grant, GrantMechanism mechanism, Actor actor) {
        AccountClass accountClass =
                accounts.accountClass(accountId).orElseThrow(() -> new NotFound("no account " + accountId));
        var party = thirdParties
                .find(grant.thirdPartyId())
                .orElseThrow(() -> new NotFound("no third party " + grant.thirdPartyId()));
        Instant now = clock.instant();
        if (party.isCutOffAt(now)) {
            throw new Conflict("third party " + party.thirdPartyId() + " is cut off; it cannot be authorized");
        }
        CustomerAuthorization authorization = new CustomerAuthorization(
                "auth-" + UUID.randomUUID(),
                accountId,
                grant.thirdPartyId(),
                grant.purpose(),
                grant.scope(),
                grant.start(),
                grant.expiry(),
                mechanism,
                accountClass == AccountClass.RESIDENTIAL,
                Optional.empty());
        jdbc.sql("SELECT pg_advisory_xact_lock(?)")
                .param(LOCK_SPACE ^ accountId.hashCode())
                .query(Object.class)
                .single();
        for (CustomerAuthorization existing : forAccount(accountId)) {
            if (existing.overlaps(authorization) && existing.statusAt(now) != AuthorizationStatus.REVOKED) {
                throw new Conflict("authorization " + existing.authorizationId() + " for " + grant.thirdPartyId()
                        + " and " + grant.purpose() + " is in force until "
                        + (existing.end().equals(Instant.MAX)
                                ? "revoked"
                                : existing.end().toString())
                        + "; revoke it first");
            }
        }
        insert(authorization, now, actor);
        record(actor, "grant-authorization", authorization, "granted " + mechanism + ": " + describe(authorization));
        return authorization;
    }

    /**
     * Revokes the account's authorization by {@code mechanism}, effective now. Refused when it was granted by another
     * mechanism, or is already revoked or expired.
     */
    @Transactional
    public CustomerAuthorization revoke(
            String accountId, String authorizationId, GrantMechanism mechanism, Actor actor) {
        CustomerAuthorization current = find(authorizationId)
                .filter(a -> a.accountId().equals(accountId))
                .orElseThrow(() -> new NotFound("account " + accountId + " has no authorization " + authorizationId));
        CustomerAuthorization revoked;
        try {
            revoked = current.revoke(mechanism, clock.instant(), actor.name());
        } catch (ConsentRuleViolated e) {
            throw new Conflict(e.getMessage());
        }
        Revocation revocation = revoked.revocation().orElseThrow();
        int updated = jdbc.sql("UPDATE customer_authorization SET revoked_at = ?, revoked_by = ?"
                        + " WHERE authorization_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(revocation.at()), actor.name(), authorizationId)
                .update();
        if (updated != 1) {
            throw new Conflict("authorization " + authorizationId + " is already revoked");
        }
        record(actor, "revoke-authorization", revoked, "revoked " + mechanism + " at " + revocation.at());
        events.publishEvent(new AuthorizationRevoked(revoked));
        return revoked;
    }

    /** The authorization, if recorded. */
    public Optional<CustomerAuthorization> find(String authorizationId) {
        return jdbc.sql("SELECT * FROM customer_authorization WHERE authorization_id = ?")
                .param(authorizationId)
                .query((rs, n) -> authorization(rs))
                .optional();
    }

    /** Every authorization the account has granted, oldest first. */
    public List<CustomerAuthorization> forAccount(String accountId) {
        return jdbc.sql(
                        "SELECT * FROM customer_authorization WHERE account_id = ? ORDER BY granted_at, authorization_id")
                .param(accountId)
                .query((rs, n) -> authorization(rs))
                .list();
    }

    /**
     * The account's authorization of {@code thirdPartyId} for {@code purpose} that is ACTIVE at {@code at} and covers
     * {@code category} over {@code usage} (at any granularity it allows); empty when there is none.
     */
    public Optional<CustomerAuthorization> validFor(
            String accountId,
            String thirdPartyId,
            String purpose,
            InformationCategory category,
            TimeRange usage,
            Instant at) {
        return forAccount(accountId).stream()
                .filter(a ->
                        a.thirdPartyId().equals(thirdPartyId) && a.purpose().equals(purpose))
                .filter(a -> covers(a, category, usage, at))
                .findFirst();
    }

    /**
     * The authorization {@code authorizationId} when it is the account's, ACTIVE at {@code at} and covers
     * {@code category} over {@code usage}: the lookup for a read that names an authorization as its basis.
     */
    public Optional<CustomerAuthorization> validById(
            String authorizationId, String accountId, InformationCategory category, TimeRange usage, Instant at) {
        return find(authorizationId)
                .filter(a -> a.accountId().equals(accountId))
                .filter(a -> covers(a, category, usage, at));
    }

    private static boolean covers(CustomerAuthorization a, InformationCategory category, TimeRange usage, Instant at) {
        return a.statusAt(at) == AuthorizationStatus.ACTIVE
                && a.scope().refusalFor(category, usage, a.scope().finest()).isEmpty();
    }

    /** Open-ended residential authorizations whose customer is due the yearly reminder at {@code at}. */
    public List<CustomerAuthorization> remindersDue(Instant at) {
        return jdbc
                .sql("SELECT * FROM customer_authorization WHERE expires_at IS NULL AND revoked_at IS NULL"
                        + " AND starts_at <= ? ORDER BY starts_at, authorization_id")
                .param(Timestamp.from(at))
                .query((rs, n) -> {
                    Optional<Instant> last = Optional.ofNullable(rs.getTimestamp("last_reminded_at"))
                            .map(Timestamp::toInstant);
                    CustomerAuthorization a = authorization(rs);
                    return a.reminderDueAt(at, last) ? a : null;
                })
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** Records that the customer was reminded of {@code authorizationId} at {@code at}. */
    @Transactional
    public void markReminded(String authorizationId, Instant at, Actor actor) {
        CustomerAuthorization a =
                find(authorizationId).orElseThrow(() -> new NotFound("no authorization " + authorizationId));
        jdbc.sql("UPDATE customer_authorization SET last_reminded_at = ? WHERE authorization_id = ?")
                .params(Timestamp.from(at), authorizationId)
                .update();
        record(actor, "remind-authorization", a, "reminded that it can be revoked, at " + at);
    }

    private void insert(CustomerAuthorization a, Instant now, Actor actor) {
        jdbc.sql("""
                        INSERT INTO customer_authorization (authorization_id, account_id, third_party_id, purpose,
                            categories, usage_from, usage_to, finest, starts_at, expires_at, mechanism, residential,
                            granted_at, granted_by)
                        VALUES (?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        a.authorizationId(),
                        a.accountId(),
                        a.thirdPartyId(),
                        a.purpose(),
                        a.scope().categories().stream().map(Enum::name).sorted().toArray(String[]::new),
                        Timestamp.from(a.scope().usagePeriod().from()),
                        Timestamp.from(a.scope().usagePeriod().to()),
                        a.scope().finest().name(),
                        Timestamp.from(a.start()),
                        a.expiry().map(Timestamp::from).orElse(null),
                        a.mechanism().name(),
                        a.residential(),
                        Timestamp.from(now),
                        actor.name())
                .update();
    }

    private void record(Actor actor, String action, CustomerAuthorization a, String detail) {
        audit.append(new AuditEvent(
                clock.instant(),
                actor.name(),
                actor.role(),
                action,
                "account/" + a.accountId() + "/authorizations/" + a.authorizationId(),
                "account:" + a.accountId(),
                "SECONDARY",
                "CUSTOMER_AUTHORIZATION:" + a.authorizationId(),
                "EXECUTED",
                actor.clientAddress(),
                detail));
    }

    static String describe(CustomerAuthorization a) {
        return a.thirdPartyId() + " for " + a.purpose() + ", " + a.scope().categories() + " usage "
                + a.scope().usagePeriod().from() + "/" + a.scope().usagePeriod().to() + " at most "
                + a.scope().finest() + ", from " + a.start() + " until "
                + a.expiry().map(Object::toString).orElse("revoked (open-ended, reminded yearly)");
    }

    private static CustomerAuthorization authorization(ResultSet rs) throws SQLException {
        Set<InformationCategory> categories = EnumSet.noneOf(InformationCategory.class);
        for (String c : (String[]) rs.getArray("categories").getArray()) {
            categories.add(InformationCategory.valueOf(c));
        }
        GrantMechanism mechanism = GrantMechanism.valueOf(rs.getString("mechanism"));
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        return new CustomerAuthorization(
                rs.getString("authorization_id"),
                rs.getString("account_id"),
                rs.getString("third_party_id"),
                rs.getString("purpose"),
                new AuthorizationScope(
                        categories,
                        new TimeRange(
                                rs.getTimestamp("usage_from").toInstant(),
                                rs.getTimestamp("usage_to").toInstant()),
                        Granularity.valueOf(rs.getString("finest"))),
                rs.getTimestamp("starts_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("expires_at")).map(Timestamp::toInstant),
                mechanism,
                rs.getBoolean("residential"),
                revokedAt == null
                        ? Optional.empty()
                        : Optional.of(new Revocation(revokedAt.toInstant(), mechanism, rs.getString("revoked_by"))));
    }
}
