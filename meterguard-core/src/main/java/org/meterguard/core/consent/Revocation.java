package org.meterguard.core.consent;

import java.time.Instant;
import java.util.Objects;

/**
 * The end of an authorization by the customer's choice, effective at once.
 *
 * @param at when it was revoked: from this instant nothing more is disclosed under it
 * @param mechanism how it was revoked (the mechanism that granted it)
 * @param recordedBy who recorded it (the customer online, or the representative entering the form)
 */
public record Revocation(Instant at, GrantMechanism mechanism, String recordedBy) {
    public Revocation {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(mechanism, "mechanism");
        if (recordedBy == null || recordedBy.isBlank()) {
            throw new ConsentRuleViolated("a revocation names who recorded it");
        }
    }
}
