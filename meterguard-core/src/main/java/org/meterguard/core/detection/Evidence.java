package org.meterguard.core.detection;

import java.util.Objects;

/**
 * What a finding rests on: an audit log entry (its leaf index), a head-end security event (its id) or a meter key
 * change ({@code meter:version}).
 *
 * @param source where the reference points
 * @param ref the reference, as text
 */
public record Evidence(Source source, String ref) {
    /** Where evidence is kept. */
    public enum Source {
        AUDIT_ENTRY,
        SECURITY_EVENT,
        KEY_CHANGE
    }

    public Evidence {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ref, "ref");
        if (ref.isBlank()) {
            throw new IllegalArgumentException("evidence of " + source + " needs a reference");
        }
    }

    /** The audit entry with leaf index {@code seq}. */
    public static Evidence auditEntry(long seq) {
        if (seq < 0) {
            throw new IllegalArgumentException("audit leaf index " + seq + " is negative");
        }
        return new Evidence(Source.AUDIT_ENTRY, Long.toString(seq));
    }

    /** The head-end security event with {@code id}. */
    public static Evidence securityEvent(long id) {
        return new Evidence(Source.SECURITY_EVENT, Long.toString(id));
    }

    /** Key version {@code version} of {@code meterId}. */
    public static Evidence keyChange(String meterId, int version) {
        return new Evidence(Source.KEY_CHANGE, meterId + ":" + version);
    }
}
