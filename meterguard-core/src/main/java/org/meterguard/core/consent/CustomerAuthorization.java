package org.meterguard.core.consent;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A customer's authorization for a third party to receive their covered information for one secondary purpose.
 * A residential authorization may run without an end date; the customer is then reminded at least once a year that
 * they can revoke it. A non-residential one must end. Only the mechanism that granted it may revoke it, and a
 * revocation takes effect at once.
 *
 * @param authorizationId its identifier
 * @param accountId the customer's account
 * @param thirdPartyId the party authorized
 * @param purpose the secondary purpose, as a short token (e.g. {@code home-energy-report})
 * @param scope what the party may receive
 * @param start when it takes effect
 * @param expiry when it ends; empty for an open-ended residential authorization
 * @param mechanism how it was granted
 * @param residential whether the account is residential
 * @param revocation the customer's revocation, if any
 */
public record CustomerAuthorization(
        String authorizationId,
        String accountId,
        String thirdPartyId,
        String purpose,
        AuthorizationScope scope,
        Instant start,
        Optional<Instant> expiry,
        GrantMechanism mechanism,
        boolean residential,
        Optional<Revocation> revocation) {
    /** The longest a customer goes without a reminder of an open-ended authorization. */
    public static final Period REMINDER_INTERVAL = Period.ofYears(1);

    private static final Pattern TOKEN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public CustomerAuthorization {
        requireToken(authorizationId, "authorization id", "[A-Za-z0-9._-]");
        requireToken(accountId, "account id", "any non-blank text");
        requireToken(thirdPartyId, "third-party id", "[A-Za-z0-9._-]");
        if (purpose == null || !TOKEN.matcher(purpose).matches()) {
            throw new ConsentRuleViolated("invalid purpose '" + purpose
                    + "': use 1 to 64 lower-case letters, digits, '.', '_' or '-', e.g. home-energy-report");
        }
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(revocation, "revocation");
        if (expiry.isPresent() && !expiry.get().isAfter(start)) {
            throw new ConsentRuleViolated("authorization " + authorizationId + " expires at " + expiry.get()
                    + ", not after its start " + start);
        }
        if (expiry.isEmpty() && !residential) {
            throw new ConsentRuleViolated("authorization " + authorizationId
                    + " is for a non-residential account and needs an expiry; only residential ones may be open-ended");
        }
        if (revocation.isPresent() && revocation.get().mechanism() != mechanism) {
            throw new ConsentRuleViolated(
                    "authorization " + authorizationId + " was granted " + mechanism + " and can be revoked only "
                            + mechanism + ", not " + revocation.get().mechanism());
        }
    }

    private static void requireToken(String value, String what, String form) {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new ConsentRuleViolated("invalid " + what + " '" + value + "': use " + form + ", 1 to 64 characters");
        }
    }

    /** Where it stands at {@code at}. Revocation and expiry take effect at their very instant. */
    public AuthorizationStatus statusAt(Instant at) {
        if (revocation.isPresent() && !at.isBefore(revocation.get().at())) {
            return AuthorizationStatus.REVOKED;
        }
        if (expiry.isPresent() && !at.isBefore(expiry.get())) {
            return AuthorizationStatus.EXPIRED;
        }
        return at.isBefore(start) ? AuthorizationStatus.PENDING : AuthorizationStatus.ACTIVE;
    }

    /**
     * This authorization revoked at {@code at} by {@code by}, recorded by {@code recordedBy}. Refused when it was
     * granted by another mechanism, is already revoked, or has already expired.
     */
    public CustomerAuthorization revoke(GrantMechanism by, Instant at, String recordedBy) {
        if (by != mechanism) {
            throw new ConsentRuleViolated("authorization " + authorizationId + " was granted " + mechanism
                    + " and can be revoked only " + mechanism + ", not " + by);
        }
        AuthorizationStatus status = statusAt(at);
        if (status == AuthorizationStatus.REVOKED || status == AuthorizationStatus.EXPIRED) {
            throw new ConsentRuleViolated("authorization " + authorizationId + " is already " + status);
        }
        return new CustomerAuthorization(
                authorizationId,
                accountId,
                thirdPartyId,
                purpose,
                scope,
                start,
                expiry,
                mechanism,
                residential,
                Optional.of(new Revocation(at, by, recordedBy)));
    }

    /** True where no expiry is set: the customer must then be reminded yearly. */
    public boolean isOpenEnded() {
        return expiry.isEmpty();
    }

    /**
     * True where the customer is due a reminder at {@code at}: the authorization is open-ended and not revoked, and
     * a year has passed since {@code lastReminder} (or, without one, since it was granted to start).
     */
    public boolean reminderDueAt(Instant at, Optional<Instant> lastReminder) {
        if (!isOpenEnded() || statusAt(at) == AuthorizationStatus.REVOKED) {
            return false;
        }
        Instant since = lastReminder.orElse(start);
        Instant due = since.atZone(ZoneOffset.UTC).plus(REMINDER_INTERVAL).toInstant();
        return !at.isBefore(due);
    }

    /** True where this and {@code other} would both be in force for the same customer, party and purpose. */
    public boolean overlaps(CustomerAuthorization other) {
        if (!accountId.equals(other.accountId)
                || !thirdPartyId.equals(other.thirdPartyId)
                || !purpose.equals(other.purpose)) {
            return false;
        }
        return start.isBefore(other.end()) && other.start.isBefore(end());
    }

    /** The instant it stops being in force: its revocation, else its expiry, else never. */
    public Instant end() {
        Instant end = expiry.orElse(Instant.MAX);
        if (revocation.isPresent() && revocation.get().at().isBefore(end)) {
            end = revocation.get().at();
        }
        return end;
    }
}
