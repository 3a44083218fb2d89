package org.meterguard.server.access.internal;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused because the name typed is locked after repeated failures; says for how long, nothing else. */
public class SignInLocked extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    private final Duration remaining;
    private final boolean lockedNow;

    /** A refusal: locked for {@code remaining}; {@code lockedNow} when this very failure locked the name. */
    public SignInLocked(Duration remaining, boolean lockedNow) {
        super("too many failed sign-ins; try again in " + Math.max(1, remaining.toSeconds()) + " s");
        this.remaining = remaining;
        this.lockedNow = lockedNow;
    }

    /** True when this failure locked the name (it is then also a failed sign-in). */
    public boolean lockedNow() {
        return lockedNow;
    }

    public Duration remaining() {
        return remaining;
    }
}
