package org.meterguard.core.detection;

import java.time.Instant;
import java.util.Objects;

/**
 * A change to a user that later access is checked against. Kept so that it survives a restart.
 *
 * @param username whose account changed
 * @param kind what changed
 * @param at when
 * @param seq the audit entry recording it
 * @param previousRole the role the user last acted with before a role change; empty when unknown or not a role
 *     change
 */
public record UserChange(String username, Kind kind, Instant at, long seq, String previousRole) {
    /** What changed. */
    public enum Kind {
        ROLE_CHANGED,
        DISABLED,
        ENABLED
    }

    public UserChange {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        previousRole = previousRole == null ? "" : previousRole;
    }
}
