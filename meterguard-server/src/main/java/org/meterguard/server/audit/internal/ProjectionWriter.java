package org.meterguard.server.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.meterguard.audit.AuditEvent;
import org.meterguard.audit.JournalRecordSink;
import org.meterguard.audit.MerkleHashing;
import org.meterguard.audit.SignedTreeHead;
import org.meterguard.server.database.CopyBinary;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores journal records in the projection tables: entries as {@code audit_entry} rows keyed by leaf index (a row
 * already there is an error, never overwritten: rows come only from here, in order), heads as
 * {@code audit_tree_head} rows (a head already stored is skipped, since a follower resuming at entry n sees the
 * head of size n again).
 */
final class ProjectionWriter {
    private static final String COPY_ENTRIES = """
            COPY audit_entry (seq, recorded_at, actor, role, action, resource, subject, purpose,
                              basis, decision, client_address, detail, entry, leaf_hash)
            FROM STDIN (FORMAT binary)""";
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

    /** Stores the batch in one transaction, the entries by one binary COPY. */
    void store(Batch batch) {
        transactions.executeWithoutResult(status -> {
            if (!batch.entries.isEmpty()) {
                copy(batch);
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

    private void copy(Batch batch) {
        CopyBinary rows = new CopyBinary(batch.entries.size(), 512);
        for (int i = 0; i < batch.entries.size(); i++) {
            append(rows, batch.indices.get(i), batch.entries.get(i));
        }
        DataSource dataSource = jdbc.getDataSource();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            rows.copyInto(connection, COPY_ENTRIES);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException(
                    "COPY of " + rows.rows() + " audit entries from " + batch.indices.get(0) + " failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void append(CopyBinary rows, long index, byte[] entry) {
        AuditEvent event;
        try {
            event = AuditEvent.fromCanonicalBytes(entry);
        } catch (IllegalArgumentException e) {
            event = UNREADABLE; // still projected, with its bytes, so the index stays gapless
        }
        rows.row(14)
                .int8(index)
                .timestamptz(event.at())
                .text(event.actor())
                .text(event.role())
                .text(event.action())
                .text(event.resource())
                .text(event.subject())
                .text(event.purpose())
                .text(event.basis())
                .text(event.decision())
                .text(event.clientAddress())
                .text(event.detail())
                .bytea(entry)
                .bytea(MerkleHashing.leafHash(entry).bytes());
    }
}
