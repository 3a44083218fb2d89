package org.meterguard.core;

import java.util.Objects;

/**
 * The answer of the policy decision point: permitted or not, with a reason a person can act on.
 *
 * @param permitted whether the read may proceed
 * @param reason why; for a refusal, what is missing
 */
public record AccessDecision(boolean permitted, String reason) {
    public AccessDecision {
        Objects.requireNonNull(reason, "reason");
    }

    static AccessDecision permit(String reason) {
        return new AccessDecision(true, reason);
    }

    static AccessDecision deny(String reason) {
        return new AccessDecision(false, reason);
    }
}
