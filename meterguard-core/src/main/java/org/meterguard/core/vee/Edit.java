package org.meterguard.core.vee;

import java.time.Instant;
import java.util.Objects;

/**
 * A person's replacement of one interval value. Applying it gives the slot quality {@code EDITED} (ESPI 7) and
 * records a {@link Revision} keeping the original; a missing slot may be edited too.
 *
 * @param intervalStart the start of the interval edited
 * @param newValue the value to write, in the channel's unit
 * @param editor who made the edit
 * @param editedAt when the edit was made
 * @param reason why, in words a reviewer can check
 */
public record Edit(Instant intervalStart, long newValue, String editor, Instant editedAt, String reason) {
    public Edit {
        Objects.requireNonNull(intervalStart, "intervalStart");
        Objects.requireNonNull(editedAt, "editedAt");
        if (editor == null || editor.isBlank()) {
            throw new IllegalArgumentException("edit of " + intervalStart + " needs the editor's name");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("edit of " + intervalStart + " needs a reason");
        }
    }
}
