package org.meterguard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.meterguard.audit.AuditFixtures.appendAll;
import static org.meterguard.audit.AuditFixtures.entry;
import static org.meterguard.audit.AuditFixtures.everyEntries;
import static org.meterguard.audit.AuditFixtures.signer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable journal: group commit from many threads, recovery, torn tails, heads, proofs. */
class AuditJournalTest {
    @TempDir
    Path temp;

    private Path dir;

    @BeforeEach
    void journalDirectory() {
        dir = temp.resolve("journal");
    }

    @Test
    void appendsFromSeveralThreadsSurviveReopeningWithTheSameRootAndHeads() throws Exception {
        int threads = 8;
        int perThread = 2_000;
        List<Long> indices = new ArrayList<>();
        Hash root;
        SignedTreeHead head;
        try (AuditJournal journal = AuditJournal.open(dir, signer(), everyEntries(1_000))) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> appendFromOneThread(journal, thread, perThread)));
            }
            for (Future<List<Long>> result : results) {
                indices.addAll(result.get());
            }
            pool.shutdown();
            assertThat(journal.size()).isEqualTo(threads * perThread);
            root = journal.root();
            head = journal.signHeadNow();
        }
        assertThat(new HashSet<>(indices)).hasSize(threads * perThread);
        assertThat(indices).allSatisfy(i -> assertThat(i).isBetween(0L, threads * perThread - 1L));

        try (AuditJournal reopened = AuditJournal.open(dir, signer(), everyEntries(1_000))) {
            assertThat(reopened.recovery().truncated()).isFalse();
            assertThat(reopened.recovery().entries()).isEqualTo(threads * perThread);
            assertThat(reopened.recovery().treeHeads()).isGreaterThanOrEqualTo(16);
            assertThat(reopened.size()).isEqualTo(threads * perThread);
            assertThat(reopened.root()).isEqualTo(root);
            assertThat(reopened.latestHead()).contains(head);
        }
    }

    private static List<Long> appendFromOneThread(AuditJournal journal, int thread, int count) {
        List<CompletableFuture<Long>> acks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            acks.add(journal.append(entry(thread * 1_000_000L + i)));
            if (i % 100 == 99) {
                acks.get(acks.size() - 1).join(); // some appenders wait, as request threads do
            }
        }
        return acks.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void anAcknowledgedEntryIsTheLeafAtItsIndexAndProvesIntoTheSignedHead() {
        try (AuditJournal journal = AuditJournal.open(dir, signer(), everyEntries(50))) {
            long index = journal.append(entry(7)).join();
            appendAll(journal, 1, 200);
            SignedTreeHead head = journal.signHeadNow();
            assertThat(new TreeHeadVerifier(journal.publicKey()).verifies(head)).isTrue();
            assertThat(journal.leafHash(index)).isEqualTo(MerkleHashing.leafHash(entry(7)));

            InclusionProof inclusion = journal.inclusionProof(index, head.treeSize());
            assertThat(MerkleProofs.verifyInclusion(journal.leafHash(index), inclusion, head.rootHash()))
                    .isTrue();
            ConsistencyProof consistency = journal.consistencyProof(50, head.treeSize());
            assertThat(MerkleProofs.verifyConsistency(journal.root(50), head.rootHash(), consistency))
                    .isTrue();
        }
    }

    @Test
    void theVectorEntriesGiveThePublishedRootsAndProofs() {
        try (AuditJournal journal = AuditJournal.open(dir, signer())) {
            for (String hex : MerkleTreeVectorsTest.ENTRIES) {
                journal.append(HexFormat.of().parseHex(hex)).join();
            }
            for (int n = 0; n <= 8; n++) {
                assertThat(journal.root(n).toHex()).isEqualTo(MerkleTreeVectorsTest.ROOTS.get(n));
            }
            for (InclusionProof p : MerkleTreeVectorsTest.INCLUSION_PROOFS) {
                assertThat(journal.inclusionProof(p.leafIndex(), p.treeSize())).isEqualTo(p);
            }
            for (ConsistencyProof p : MerkleTreeVectorsTest.CONSISTENCY_PROOFS) {
                assertThat(journal.consistencyProof(p.oldSize(), p.newSize())).isEqualTo(p);
            }
        }
    }

    @Test
    void signsAHeadEveryNEntries() throws IOException {
        try (AuditJournal journal = AuditJournal.open(dir, signer(), everyEntries(100))) {
            appendAll(journal, 0, 1_000);
            assertThat(journal.latestHead().orElseThrow().treeSize()).isEqualTo(1_000);
        }
        assertThat(headSizes()).containsExactly(100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L, 1_000L);
    }

    @Test
    void signsAHeadWithinTheIntervalWhenEntriesHaveNone() throws Exception {
        JournalSettings settings = JournalSettings.defaults().withHeadInterval(Duration.ofMillis(100));
        try (AuditJournal journal = AuditJournal.open(dir, signer(), settings)) {
            journal.append(entry(0)).join();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (journal.latestHead().map(SignedTreeHead::treeSize).orElse(0L) < 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(journal.latestHead())
                    .hasValueSatisfying(h -> assertThat(h.treeSize()).isEqualTo(1));
            int heads = headSizes().size();
            Thread.sleep(300); // no appends, no heads
            assertThat(headSizes()).hasSize(heads);
        }
    }

    @Test
    void aTornFinalRecordIsCutOffAndReportedAndTheJournalGoesOn() throws IOException {
        try (AuditJournal journal = AuditJournal.open(dir, signer(), everyEntries(10))) {
            appendAll(journal, 0, 25);
        }
        Path segment = onlySegment();
        byte[] torn = ExportFile.record((byte) 0, 25, entry(25));
        appendBytes(segment, Arrays.copyOf(torn, torn.length - 30));

        try (AuditJournal journal = AuditJournal.open(dir, signer(), everyEntries(10))) {
            JournalRecovery recovery = journal.recovery();
            assertThat(recovery.truncated()).isTrue();
            assertThat(recovery.truncatedBytes()).isEqualTo(torn.length - 30);
            assertThat(recovery.summary())
                    .contains(
                            "incomplete record",
                            "entry 25",
                            segment.getFileName().toString());
            assertThat(journal.size()).isEqualTo(25);
            assertThat(journal.append(entry(25)).join()).isEqualTo(25);
        }
        assertThat(new ExportVerifier(signer().publicKey()).verify(exportOf()).verified())
                .isTrue();
    }

    @Test
    void aFinalRecordWithABadCrcOrTrailingZerosIsTornToo() throws IOException {
        try (AuditJournal journal = AuditJournal.open(dir, signer(), everyEntries(10))) {
            appendAll(journal, 0, 20); // ends with the head for 20
        }
        Path segment = onlySegment();
        long size = Files.size(segment);
        flipByte(segment, size - 10); // inside the last head's signature
        try (AuditJournal journal = AuditJournal.open(dir, signer(), everyEntries(10))) {
            assertThat(journal.recovery().summary()).contains("CRC mismatch");
            assertThat(journal.size()).isEqualTo(20);
            assertThat(journal.recovery().treeHeads()).isEqualTo(1);
            assertThat(journal.latestHead().orElseThrow().treeSize()).isEqualTo(10);
        }
        appendBytes(segment, new byte[8192]);
        try (AuditJournal journal = AuditJournal.open(dir, signer(), everyEntries(10))) {
            assertThat(journal.recovery().truncatedBytes()).isEqualTo(8192);
            assertThat(journal.recovery().summary()).contains("zero bytes never written");
            assertThat(journal.size()).isEqualTo(20);
        }
    }

    @Test
    void damageBeforeTheLastRecordIsAnErrorNamingTheEntry() throws IOException {
        try (AuditJournal journal = AuditJournal.open(dir, signer(), everyEntries(10))) {
            appendAll(journal, 0, 30);
        }
        Path segment = onlySegment();
        long fifth = JournalDescriptor.SEGMENT_HEADER_LENGTH;
        for (int i = 0; i < 5; i++) {
            fifth += entry(i).length + JournalDescriptor.FRAMING_LENGTH;
        }
        flipByte(segment, fifth + 40);

        assertThatThrownBy(() -> AuditJournal.open(dir, signer()))
                .isInstanceOf(JournalCorrupted.class)
                .hasMessageContaining("(entry 5)")
                .hasMessageContaining("CRC mismatch")
                .hasMessageContaining(segment.getFileName().toString())
                .satisfies(e -> assertThat(((JournalCorrupted) e).entryIndex()).isEqualTo(5));
    }

    @Test
    void rollsSegmentsAndRefusesAMissingOne() throws IOException {
        JournalSettings small = everyEntries(500).withSegmentBytes(JournalSettings.MIN_SEGMENT_BYTES);
        Hash root;
        try (AuditJournal journal = AuditJournal.open(dir, signer(), small)) {
            for (int batch = 0; batch < 10; batch++) {
                appendAll(journal, batch * 300L, (batch + 1) * 300L);
            }
            root = journal.root();
        }
        List<Path> segments = segments();
        assertThat(segments).hasSizeGreaterThan(2);
        try (AuditJournal journal = AuditJournal.open(dir, signer(), small)) {
            assertThat(journal.size()).isEqualTo(3_000);
            assertThat(journal.root()).isEqualTo(root);
        }
        assertThat(new ExportVerifier(signer().publicKey()).verify(exportOf()).verified())
                .isTrue();

        Files.delete(segments.get(1));
        assertThatThrownBy(() -> AuditJournal.open(dir, signer(), small))
                .isInstanceOf(JournalCorrupted.class)
                .hasMessageContaining("a segment is missing");
    }

    @Test
    void oneFsyncPerEntryStillWorks() {
        try (AuditJournal journal =
                AuditJournal.open(dir, signer(), everyEntries(10).withMaxBatchEntries(1))) {
            appendAll(journal, 0, 30);
            assertThat(journal.size()).isEqualTo(30);
        }
    }

    @Test
    void refusesWhatItCannotDo() {
        AuditJournal journal = AuditJournal.open(dir, signer());
        journal.append(entry(0)).join();
        assertThatThrownBy(() -> journal.inclusionProof(0, 2))
                .hasMessage("tree size 2 is beyond the 1 durable entries of the audit journal");
        assertThatThrownBy(() -> journal.append(new byte[JournalDescriptor.MAX_ENTRY_LENGTH + 1]))
                .hasMessage("an audit entry of 1048577 bytes is longer than the 1048576 allowed");
        assertThatThrownBy(() -> AuditJournal.open(dir, signer()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already open");
        journal.close();
        journal.close();
        assertThatThrownBy(() -> journal.append(entry(1))).hasMessage("the audit journal is closed");

        TreeHeadSigner otherKey = new TreeHeadSigner(AuditFixtures.key(2));
        assertThatThrownBy(() -> AuditJournal.open(dir, otherKey))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("start a new journal to change keys");
    }

    private List<Long> headSizes() throws IOException {
        List<Long> sizes = new ArrayList<>();
        for (Path segment : segments()) {
            byte[] bytes = Files.readAllBytes(segment);
            for (int at = JournalDescriptor.SEGMENT_HEADER_LENGTH; at < bytes.length; ) {
                int length = ByteBuffer.wrap(bytes, at, 4).getInt();
                if (bytes[at + 12] == JournalDescriptor.TYPE_TREE_HEAD) {
                    sizes.add(ByteBuffer.wrap(bytes, at + 4, 8).getLong());
                }
                at += length + JournalDescriptor.FRAMING_LENGTH;
            }
        }
        return sizes;
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".mgaudit")).sorted().toList();
        }
    }

    private Path onlySegment() throws IOException {
        List<Path> segments = segments();
        assertThat(segments).hasSize(1);
        return segments.get(0);
    }

    private Path exportOf() {
        Path export = temp.resolve("export-" + System.nanoTime() + ".mgaudit");
        try (AuditJournal journal = AuditJournal.open(dir, signer())) {
            journal.exportTo(export);
        }
        return export;
    }

    private static void appendBytes(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.APPEND);
    }

    private static void flipByte(Path file, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, offset);
            one.put(0, (byte) (one.get(0) ^ 0x5a)).rewind();
            channel.write(one, offset);
        }
    }
}
