package org.meterguard.server.readings;

import java.time.Instant;
import java.util.Objects;
import org.meterguard.core.Channel;
import org.meterguard.core.MeterId;

/**
 * A change to a stored interval value, kept with the value it replaced: who made it and why.
 *
 * @param oldValue the value replaced, or null where the slot was missing
 * @param oldQuality its ESPI quality code, or null where the slot was missing
 */
public record Revision(
        MeterId meterId,
        Channel channel,
        Instant intervalStart,
        Long oldValue,
        Short oldQuality,
        long newValue,
        short newQuality,
        String actor,
        String reason) {
    /** The actor of a change the meter's own data made (an actual read replacing an estimate). */
    public static final String METER = "meter";

    /** The stored form of a revision made by validation, estimation or editing of one meter's channel. */
    public static Revision of(MeterId meterId, Channel channel, org.meterguard.core.vee.Revision made) {
        return new Revision(
                meterId,
                channel,
                made.intervalStart(),
                made.originalValue().isPresent() ? made.originalValue().getAsLong() : null,
                made.originalQuality().map(q -> (short) q.espiCode()).orElse(null),
                made.newValue(),
                (short) made.newQuality().espiCode(),
                made.actor(),
                made.reason());
    }

    public Revision {
        Objects.requireNonNull(meterId, "meterId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(intervalStart, "intervalStart");
        if (actor == null || actor.isBlank() || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a revision needs an actor and a reason");
        }
    }
}
