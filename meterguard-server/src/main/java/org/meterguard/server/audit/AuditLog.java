package org.meterguard.server.audit;

import org.meterguard.audit.AuditEvent;
import org.meterguard.audit.MerkleHashing;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends audit events. Each event's canonical bytes are the Merkle leaf's entry; its leaf index ({@code seq})
 * is gapless, allocated under a transaction-scoped advisory lock so concurrent appends serialize. Each append
 * publishes {@link AuditEntryAppended}; listeners that must see only committed entries use
 * {@code @TransactionalEventListener}.
 */
@Service
public class AuditLog {
    private static final long APPEND_LOCK = 0x4d47_4155_4449_54L;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    AuditLog(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Appends {@code event} durably in a transaction of its own, so a refusal is recorded even when the work it
     * refused rolls back. Returns the leaf index.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long append(AuditEvent event) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)")
                .param(APPEND_LOCK)
                .query(Object.class)
                .single();
        long seq = jdbc.sql("SELECT coalesce(max(seq), -1) + 1 FROM audit_entry")
                .query(Long.class)
                .single();
        byte[] entry = event.canonicalBytes();
        jdbc.sql("""
                        INSERT INTO audit_entry (seq, recorded_at, actor, role, action, resource, subject, purpose,
                                                 basis, decision, client_address, detail, entry, leaf_hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        seq,
                        java.sql.Timestamp.from(event.at()),
                        event.actor(),
                        event.role(),
                        event.action(),
                        event.resource(),
                        event.subject(),
                        event.purpose(),
                        event.basis(),
                        event.decision(),
                        event.clientAddress(),
                        event.detail(),
                        entry,
                        MerkleHashing.leafHash(entry).bytes())
                .update();
        events.publishEvent(new AuditEntryAppended(seq, event));
        return seq;
    }
}
