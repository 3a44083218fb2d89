package org.meterguard.server.audit.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.meterguard.audit.AuditJournal;
import org.meterguard.audit.MerkleHashing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Squares the PostgreSQL projection with the journal when the server starts. The projection may lag the journal
 * (the follower catches up), never lead it, with one exception: an installation from before the journal kept its
 * entries in {@code audit_entry} only; an empty journal adopts them, in order, so that each keeps its index and
 * every later proof covers them. Otherwise the projection's last row must hash as the journal's leaf of that index:
 * a projection of another journal (a restored database, a replaced data directory) stops the start.
 */
final class ProjectionStart {
    private static final Logger log = LoggerFactory.getLogger(ProjectionStart.class);
    private static final int ADOPT_BATCH = 10_000;

    private final AuditJournal journal;
    private final JdbcClient jdbc;

    ProjectionStart(AuditJournal journal, JdbcClient jdbc) {
        this.journal = journal;
        this.jdbc = jdbc;
    }

    void reconcile() {
        Long last = jdbc.sql("SELECT max(seq) FROM audit_entry")
                .query(Long.class)
                .optional()
                .orElse(null);
        if (last == null) {
            return;
        }
        if (last >= journal.size() && journal.size() == 0) {
            adopt(last + 1);
        } else if (last >= journal.size()) {
            throw new IllegalStateException(
                    "audit_entry holds entries up to index " + last + " but the audit journal in "
                            + journal.directory() + " only " + journal.size() + "; the database and the journal are not"
                            + " from the same installation (restore both from the same backup)");
        }
        byte[] stored = jdbc.sql("SELECT leaf_hash FROM audit_entry WHERE seq = ?")
                .param(last)
                .query(byte[].class)
                .single();
        if (!Arrays.equals(stored, journal.leafHash(last).bytes())) {
            throw new IllegalStateException("audit_entry's entry " + last + " is not the audit journal's entry " + last
                    + " in " + journal.directory() + "; the database and the journal are not from the same"
                    + " installation (restore both from the same backup)");
        }
    }

    /** Appends the rows {@code [0, count)} to the empty journal, in order, checking each row's leaf hash. */
    private void adopt(long count) {
        log.info("Adopting {} audit entries kept in PostgreSQL before the audit journal", count);
        for (long from = 0; from < count; from += ADOPT_BATCH) {
            List<byte[]> entries = rows(from, Math.min(count, from + ADOPT_BATCH));
            List<CompletableFuture<Long>> acks = new ArrayList<>(entries.size());
            for (byte[] entry : entries) {
                acks.add(journal.append(entry));
            }
            for (int i = 0; i < acks.size(); i++) {
                long index = acks.get(i).join();
                if (index != from + i) {
                    throw new IllegalStateException("adopted audit entry " + (from + i) + " became " + index);
                }
            }
        }
        journal.signHeadNow();
        log.info("Adopted {} audit entries; the journal's root is now {}", count, journal.root());
    }

    private List<byte[]> rows(long from, long to) {
        List<byte[]> entries = new ArrayList<>();
        jdbc.sql("SELECT seq, entry, leaf_hash FROM audit_entry WHERE seq >= ? AND seq < ? ORDER BY seq")
                .params(from, to)
                .query(rs -> {
                    long seq = rs.getLong(1);
                    byte[] entry = rs.getBytes(2);
                    if (seq != from + entries.size()) {
                        throw new IllegalStateException("audit_entry lacks entry " + (from + entries.size())
                                + "; cannot adopt a log with a gap into the journal");
                    }
                    if (!Arrays.equals(
                            rs.getBytes(3), MerkleHashing.leafHash(entry).bytes())) {
                        throw new IllegalStateException("audit_entry's entry " + seq + " does not hash to its stored"
                                + " leaf hash; refusing to adopt an altered log");
                    }
                    entries.add(entry);
                });
        if (entries.size() != to - from) {
            throw new IllegalStateException("audit_entry lacks entries from " + (from + entries.size()) + " on");
        }
        return entries;
    }
}
