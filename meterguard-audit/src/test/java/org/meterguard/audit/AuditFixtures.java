package org.meterguard.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Keys, entries and journals shared by the journal, export and command-line tests. */
final class AuditFixtures {
    private AuditFixtures() {}

    /** A fixed key, so failures reproduce. */
    static TreeHeadSigningKey key(int seed) {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (seed * 31 + i);
        }
        return TreeHeadSigningKey.fromRawSeed(bytes);
    }

    static TreeHeadSigner signer() {
        return new TreeHeadSigner(key(1));
    }

    static byte[] entry(long i) {
        return new AuditEvent(
                        Instant.ofEpochSecond(1_760_000_000L + i),
                        "user:" + (i % 97),
                        "CUSTOMER_SERVICE",
                        "READ_INTERVALS",
                        "meter:MG" + (100_000 + i) + "/intervals",
                        "account:" + (i % 1013),
                        "BILLING",
                        "CONTRACT",
                        i % 10 == 0 ? "DENY" : "PERMIT",
                        "10.0.0." + (i % 250),
                        "")
                .canonicalBytes();
    }

    /** Heads only every {@code headEvery} entries: the interval is long enough never to fire in a test. */
    static JournalSettings everyEntries(long headEvery) {
        return JournalSettings.defaults().withHeadEveryEntries(headEvery).withHeadInterval(Duration.ofHours(1));
    }

    /** Appends entries 0 to n-1 in order, all at once, and waits until they are durable. */
    static void appendAll(AuditJournal journal, long from, long to) {
        List<CompletableFuture<Long>> acks = new ArrayList<>();
        for (long i = from; i < to; i++) {
            acks.add(journal.append(entry(i)));
        }
        acks.forEach(CompletableFuture::join);
    }

    /** A journal of {@code n} entries, heads every {@code headEvery}, exported to {@code dir}/export. */
    static Path export(Path dir, long n, long headEvery) {
        try (AuditJournal journal = AuditJournal.open(dir.resolve("journal"), signer(), everyEntries(headEvery))) {
            appendAll(journal, 0, n);
            Path export = dir.resolve("export.mgaudit");
            journal.exportTo(export);
            return export;
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
