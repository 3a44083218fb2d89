package org.meterguard.core.grid;

import java.time.Instant;
import java.util.Objects;

/**
 * A meter's report that supply was lost ({@code down}: power down, last gasp) or restored (power up), at the
 * instant the meter recorded.
 */
public record PowerEvent(Instant at, boolean down) {
    public PowerEvent {
        Objects.requireNonNull(at, "at");
    }

    public static PowerEvent down(Instant at) {
        return new PowerEvent(at, true);
    }

    public static PowerEvent up(Instant at) {
        return new PowerEvent(at, false);
    }
}
