package org.meterguard.core.vee;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.meterguard.core.ReadingQuality;

/**
 * A change to one slot's value, keeping what it replaced: estimates are made by {@link #VEE}, edits by the person
 * named. A slot that was missing has neither an original value nor an original quality.
 *
 * @param intervalStart the start of the interval changed
 * @param originalValue the value replaced, or empty where the slot was missing
 * @param originalQuality the quality replaced; present exactly when {@code originalValue} is
 * @param newValue the value written, in the channel's unit
 * @param newQuality the quality written
 * @param actor who made the change: {@link #VEE} or the editor
 * @param at when the change was made
 * @param reason why, naming the estimation method or the editor's reason
 */
public record Revision(
        Instant intervalStart,
        OptionalLong originalValue,
        Optional<ReadingQuality> originalQuality,
        long newValue,
        ReadingQuality newQuality,
        String actor,
        Instant at,
        String reason) {
    /** The actor of every estimate. */
    public static final String VEE = "VEE";

    public Revision {
        Objects.requireNonNull(intervalStart, "intervalStart");
        Objects.requireNonNull(originalValue, "originalValue");
        Objects.requireNonNull(originalQuality, "originalQuality");
        Objects.requireNonNull(newQuality, "newQuality");
        Objects.requireNonNull(at, "at");
        if (originalValue.isPresent() != originalQuality.isPresent()) {
            throw new IllegalArgumentException("revision of " + intervalStart
                    + ": an original value and an original quality come together or not at all");
        }
        if (actor == null || actor.isBlank() || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("revision of " + intervalStart + " needs an actor and a reason");
        }
    }

    /** True where the slot was missing before this change. */
    public boolean originalMissing() {
        return originalValue.isEmpty();
    }
}
