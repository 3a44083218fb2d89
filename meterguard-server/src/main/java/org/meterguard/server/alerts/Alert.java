package org.meterguard.server.alerts;

import java.time.Instant;

/**
 * An alert as operators see it.
 *
 * @param id its number
 * @param kind what happened, e.g. METER_COVER_OPENED
 * @param severity how urgent
 * @param subject what it concerns: "meter:ID", "collector:ID", "system-title:HEX", or, for unusual activity by people,
 *     "user:NAME", "address:IP" or "third-party:ID"
 * @param detail a sentence for the operator
 * @param firstSeenAt when it was first raised
 * @param lastSeenAt when it was last raised again
 * @param occurrences how many times it was raised while open
 * @param closedAt when an operator closed it, or null while open
 * @param closedBy who closed it, or null
 */
public record Alert(
        long id,
        String kind,
        Severity severity,
        String subject,
        String detail,
        Instant firstSeenAt,
        Instant lastSeenAt,
        long occurrences,
        Instant closedAt,
        String closedBy) {
    /** True when the alert is about a person or their address (unusual activity), shown to security auditors only. */
    public boolean aboutPeople() {
        return subject.startsWith("user:") || subject.startsWith("address:") || subject.startsWith("third-party:");
    }

    /** How urgent an alert is. */
    public enum Severity {
        INFO,
        WARNING,
        CRITICAL
    }
}
