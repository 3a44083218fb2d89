package org.meterguard.server.audit;

import org.meterguard.audit.AuditEvent;
import org.meterguard.audit.AuditJournal;
import org.meterguard.server.audit.internal.AuditProjection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Appends audit events to the tamper-evident journal ({@code meterguard.audit.directory}), the log's truth: each
 * event's canonical bytes are an RFC 9162 Merkle leaf, and {@link #append} returns only once the entry is durable
 * (concurrent appenders share one fsync). Appending takes no database transaction, so an entry stays whatever
 * happens to the caller's transaction, a refusal included.
 *
 * <p>{@code audit_entry} in PostgreSQL is a projection of the journal, filled by a follower a few milliseconds
 * behind; a reader that must see its own appends there calls {@link #awaitProjected()} first.
 *
 * <p>Each append publishes {@link AuditEntryAppended} on the appending thread after the entry is durable. The
 * entry exists from then on whether or not the caller's transaction commits, so listeners use a plain
 * {@code @EventListener}, not {@code @TransactionalEventListener} (which would drop the event of a read whose
 * transaction rolled back).
 */
@Service
public class AuditLog {
    private final AuditJournal journal;
    private final AuditProjection projection;
    private final ApplicationEventPublisher events;

    AuditLog(AuditJournal journal, AuditProjection projection, ApplicationEventPublisher events) {
        this.journal = journal;
        this.projection = projection;
        this.events = events;
    }

    /**
     * Appends {@code event} and waits until it is durable in the journal; returns its leaf index.
     *
     * @throws org.meterguard.audit.JournalFailed if the journal cannot write (the caller must not go on as if
     *     audited)
     */
    public long append(AuditEvent event) {
        long seq = journal.appendDurably(event);
        projection.wake();
        events.publishEvent(new AuditEntryAppended(seq, event));
        return seq;
    }

    /** The number of durable entries; the next append gets this index or a larger one. */
    public long size() {
        return journal.size();
    }

    /** Waits until every entry durable now is in {@code audit_entry} (a few milliseconds, normally). */
    public void awaitProjected() {
        awaitProjected(journal.size());
    }

    /**
     * Waits until the entries {@code [0, size)} are in {@code audit_entry}.
     *
     * @throws IllegalStateException if they are not within {@code meterguard.audit.projection-wait}
     */
    public void awaitProjected(long size) {
        projection.awaitProjected(size);
    }
}
