package org.meterguard.core.detection;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something unusual, with what it rests on.
 *
 * @param kind what it is
 * @param severity how urgent
 * @param subject whom or what it concerns: {@code user:<name>}, {@code address:<ip>}, {@code meter:<id>},
 *     {@code system-title:<hex>} or {@code collector:<peer>}; alerts are deduplicated per kind and subject
 * @param detail a sentence for the security auditor
 * @param at when it happened (the time of the last record it rests on)
 * @param evidence the audit entries, security events or key changes it rests on, never empty
 */
public record Finding(
        FindingKind kind, Severity severity, String subject, String detail, Instant at, List<Evidence> evidence) {
    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(at, "at");
        evidence = List.copyOf(evidence);
        if (evidence.isEmpty()) {
            throw new IllegalArgumentException("a " + kind + " finding needs evidence");
        }
    }
}
