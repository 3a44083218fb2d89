package org.meterguard.core.legal;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether data may be released under a legal demand now, on which ground, or why not.
 *
 * @param ground the ground of a permitted release; empty when refused
 * @param reason why, in words a person can act on
 */
public record ReleaseDecision(Optional<ReleaseGround> ground, String reason) {
    public ReleaseDecision {
        Objects.requireNonNull(ground, "ground");
        Objects.requireNonNull(reason, "reason");
    }

    static ReleaseDecision permit(ReleaseGround ground, String reason) {
        return new ReleaseDecision(Optional.of(ground), reason);
    }

    static ReleaseDecision refuse(String reason) {
        return new ReleaseDecision(Optional.empty(), reason);
    }

    /** True where the release may happen now. */
    public boolean permitted() {
        return ground.isPresent();
    }
}
