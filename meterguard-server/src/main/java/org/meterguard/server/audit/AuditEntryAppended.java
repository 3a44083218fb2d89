package org.meterguard.server.audit;

import java.util.Objects;
import org.meterguard.audit.AuditEvent;

/**
 * Published (as a Spring application event) once an audit event is durably appended: its leaf index in the log
 * and the event. Unusual-activity detection and other readers of the access stream listen for it.
 *
 * <p>Subjects follow one convention, so that a customer's accesses can be found: {@code account:<id>} where a
 * customer account is concerned (one entry per account concerned), otherwise {@code meter:<id>},
 * {@code area:<kind>:<id>}, {@code user:<name>} or {@code system}.
 *
 * @param seq the entry's leaf index, gapless from 0
 * @param event what was appended
 */
public record AuditEntryAppended(long seq, AuditEvent event) {
    public AuditEntryAppended {
        Objects.requireNonNull(event, "event");
    }
}
