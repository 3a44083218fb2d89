package org.meterguard.server.audit.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.meterguard.audit.AuditEvent;
import org.meterguard.audit.JournalRecordSink;
import org.meterguard.audit.MerkleHashing;
import org.meterguard.audit.SignedTreeHead;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores journal records in the projection tables: entries as {@code audit_entry} rows keyed by leaf index (a row
 * already there is an error, never overwritten: rows come only from here, in order), heads as
 * {@code audit_tree_head} rows (a head already stored is skipped, since a follower resuming at entry n sees the
 * head of size n again).
 */
final class ProjectionWriter {
    private static final String INSERT_ENTRY = """
            INSERT INTO audit_entry (seq, recorded_at, actor, role, action, resource, subject, purpose,
                                     basis, decision, client_address, detail, entry, leaf_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_HEAD = """
            INSERT INTO audit_tree_head (tree_size, signed_at, root_hash, key_id, encoded)
            VALUES (?, ?, ?, ?, ?) ON CONFLICT (tree_size) DO NOTHING""";
    private static final AuditEvent UNREADABLE =
            new AuditEvent(java.time.Instant.EPOCH, "", "", "", "", "", "", "", "", "", "not a canonical audit event");

    /** Records read from the journal, waiting to be stored. */
    static final class Batch implements JournalRecordSink {
        private final List<Long> indices = new ArrayList<>();
        private final List<byte[]> entries = new ArrayList<>();
        private final List<SignedTreeHead> heads = new ArrayList<>();

        @Override
        public void entry(long index, byte[] entry) {
            indices.add(index);
            entries.add(entry);
        }

        @Override
        public void treeHead(SignedTreeHead head) {
            heads.add(head);
        }

        boolean isEmpty() {
            return entries.isEmpty() && heads.isEmpty();
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    ProjectionWriter(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    Batch newBatch() {
        return new Batch();
    }

    /** The number of entries stored, from index 0: one past the largest index. */
    long projectedSize() {
        Long size = jdbc.queryForObject("SELECT coalesce(max(seq), -1) + 1 FROM audit_entry", Long.class);
        return size == null ? 0 : size;
    }

    /** Stores the batch in one transaction, the entries as one JDBC batch. */
    void store(Batch batch) {
        transactions.executeWithoutResult(status -> {
            if (!batch.entries.isEmpty()) {
                jdbc.batchUpdate(INSERT_ENTRY, new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement insert, int i) throws SQLException {
                        bind(insert, batch.indices.get(i), batch.entries.get(i));
                    }

                    @Override
                    public int getBatchSize() {
                        return batch.entries.size();
                    }
                });
            }
            for (SignedTreeHead head : batch.heads) {
                jdbc.update(
                        INSERT_HEAD,
                        head.treeSize(),
                        Timestamp.from(head.timestamp()),
                        head.rootHash().bytes(),
                        head.keyId().bytes(),
                        head.encoded());
            }
        });
    }

    private static void bind(PreparedStatement insert, long index, byte[] entry) throws SQLException {
        AuditEvent event;
        try {
            event = AuditEvent.fromCanonicalBytes(entry);
        } catch (IllegalArgumentException e) {
            event = UNREADABLE; // still projected, with its bytes, so the index stays gapless
        }
        insert.setLong(1, index);
        insert.setTimestamp(2, Timestamp.from(event.at()));
        insert.setString(3, event.actor());
        insert.setString(4, event.role());
        insert.setString(5, event.action());
        insert.setString(6, event.resource());
        insert.setString(7, event.subject());
        insert.setString(8, event.purpose());
        insert.setString(9, event.basis());
        insert.setString(10, event.decision());
        insert.setString(11, event.clientAddress());
        insert.setString(12, event.detail());
        insert.setBytes(13, entry);
        insert.setBytes(14, MerkleHashing.leafHash(entry).bytes());
    }
}
