package org.meterguard.core.thirdparty;

import java.time.Instant;
import java.util.Objects;

/**
 * The moment all disclosure to a third party ceased, for good: every later request is refused.
 *
 * @param at when it took effect
 * @param reason why
 * @param decidedBy who decided it ("system" for a pattern of breach found when a breach was recorded)
 * @param note the officer's note; may be empty
 */
public record CutOff(Instant at, CutOffReason reason, String decidedBy, String note) {
    public CutOff {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        decidedBy = Ids.requireText(decidedBy, "cut-off's decider");
        note = note == null ? "" : note.strip();
    }
}
