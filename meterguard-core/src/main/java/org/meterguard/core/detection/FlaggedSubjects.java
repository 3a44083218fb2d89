package org.meterguard.core.detection;

import java.util.Map;
import java.util.Optional;

/** Which subjects are flagged, and how; looked up for every record, so it should answer from memory. */
@FunctionalInterface
public interface FlaggedSubjects {
    /** The flag on {@code subject} ({@code account:<id>} or {@code meter:<id>}), if any. */
    Optional<FlagKind> flagOf(String subject);

    /** A fixed set of flags. */
    static FlaggedSubjects of(Map<String, FlagKind> flags) {
        Map<String, FlagKind> copy = Map.copyOf(flags);
        return subject -> Optional.ofNullable(copy.get(subject));
    }
}
