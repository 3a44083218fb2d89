package org.meterguard.server.detection.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.meterguard.core.detection.AccessRecord;

/** Audited events counted per hour and category, for the security report. */
public final class Tally {
    /** One counter's key. */
    public record Key(Instant hour, String category, String role, String purpose, String decision) {}

    private final Map<Key, Long> counts = new HashMap<>();

    /** Counts {@code record} under its category, if it has one. */
    public void count(AccessRecord record) {
        category(record).ifPresent(category -> {
            Instant hour = record.at().truncatedTo(ChronoUnit.HOURS);
            String decision = "SIGN_IN_FAILED".equals(category) ? record.action() : record.decision();
            counts.merge(new Key(hour, category, record.role(), record.purpose(), decision), 1L, Long::sum);
        });
    }

    /** The counts gathered. */
    public Map<Key, Long> counts() {
        return counts;
    }

    /** Adds {@code other}'s counts to these. */
    public void addAll(Tally other) {
        other.counts.forEach((k, n) -> counts.merge(k, n, Long::sum));
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    static Optional<String> category(AccessRecord record) {
        if (record.coveredRead()) {
            return Optional.of("ACCESS");
        }
        if (record.failedSignIn()) {
            return Optional.of("SIGN_IN_FAILED");
        }
        if (record.exportOrDownload()) {
            return Optional.of("EXPORT");
        }
        switch (record.action()) {
            case "role-changed":
                return Optional.of("ROLE_CHANGE");
            case "user-disabled":
                return Optional.of("TERMINATION");
            default:
                return Optional.empty();
        }
    }
}
