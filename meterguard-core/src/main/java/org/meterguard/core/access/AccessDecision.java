package org.meterguard.core.access;

import java.util.Objects;

/**
 * The answer of the policy decision point: permitted or not, with a reason a person can act on, and how much
 * identity a permitted read may show.
 *
 * @param permitted whether the request may proceed
 * @param reason why; for a refusal, what is missing
 * @param disclosure {@link Disclosure#NONE} when refused
 */
public record AccessDecision(boolean permitted, String reason, Disclosure disclosure) {
    public AccessDecision {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(disclosure, "disclosure");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a decision needs a reason");
        }
        if (permitted == (disclosure == Disclosure.NONE)) {
            throw new IllegalArgumentException(
                    "a " + (permitted ? "permit" : "denial") + " cannot disclose " + disclosure);
        }
    }

    static AccessDecision permit(String reason, Disclosure disclosure) {
        return new AccessDecision(true, reason, disclosure);
    }

    /** A refusal for {@code reason}. */
    public static AccessDecision deny(String reason) {
        return new AccessDecision(false, reason, Disclosure.NONE);
    }
}
