package org.meterguard.core.detection;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A customer's authorization of a third party, as far as detection needs it: who may pull, whose data, and when.
 *
 * @param authorizationId the id a pull names as its basis
 * @param party the third party's actor name
 * @param subjects the subjects ({@code account:<id>} or {@code meter:<id>}) it covers
 * @param from the first instant it is valid
 * @param until the instant it ends (exclusive): expiry or revocation
 */
public record ThirdPartyGrant(String authorizationId, String party, Set<String> subjects, Instant from, Instant until) {
    public ThirdPartyGrant {
        Objects.requireNonNull(authorizationId, "authorizationId");
        Objects.requireNonNull(party, "party");
        subjects = Set.copyOf(subjects);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException(
                    "authorization " + authorizationId + " ends at " + until + ", not after it starts at " + from);
        }
    }

    /** Why a pull by {@code party} of {@code subject} at {@code at} falls outside this grant, or null if it fits. */
    public String outsideBecause(String pullingParty, String subject, Instant at) {
        if (!party.equals(pullingParty)) {
            return "authorization " + authorizationId + " was granted to " + party + ", not " + pullingParty;
        }
        if (!subjects.contains(subject)) {
            return "authorization " + authorizationId + " does not cover " + subject;
        }
        if (at.isBefore(from) || !at.isBefore(until)) {
            return "authorization " + authorizationId + " is valid " + from + " to " + until + ", not at " + at;
        }
        return null;
    }
}
