package org.meterguard.core.privacy;

import java.time.Instant;
import java.util.Objects;

/**
 * An entry of the notice log: version {@code version} was given to account {@code accountId} at {@code givenAt}
 * for {@code reason}, by {@code channel} (e.g. "portal sign-in", "mail").
 */
public record NoticeGiven(String accountId, int version, NoticeReason reason, Instant givenAt, String channel) {
    public NoticeGiven {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(givenAt, "givenAt");
        Objects.requireNonNull(channel, "channel");
    }
}
