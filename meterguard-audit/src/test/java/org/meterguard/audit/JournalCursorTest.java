package org.meterguard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.meterguard.audit.AuditFixtures.appendAll;
import static org.meterguard.audit.AuditFixtures.entry;
import static org.meterguard.audit.AuditFixtures.everyEntries;
import static org.meterguard.audit.AuditFixtures.signer;

import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following a journal's durable records: across segments, from the middle, as it grows; exports to a channel. */
class JournalCursorTest {
    @TempDir
    Path temp;

    /** Collects what a cursor delivers. */
    private static final class Collected implements JournalRecordSink {
        final List<Long> indices = new ArrayList<>();
        final List<byte[]> entries = new ArrayList<>();
        final List<SignedTreeHead> heads = new ArrayList<>();

        @Override
        public void entry(long index, byte[] entry) {
            indices.add(index);
            entries.add(entry);
        }

        @Override
        public void treeHead(SignedTreeHead head) {
            heads.add(head);
        }
    }

    private AuditJournal open() {
        return AuditJournal.open(
                temp.resolve("journal"),
                signer(),
                everyEntries(1_000).withSegmentBytes(JournalSettings.MIN_SEGMENT_BYTES));
    }

    @Test
    void deliversEveryEntryAndHeadInOrderAcrossSegmentsInBatches() {
        try (AuditJournal journal = open()) {
            appendAll(journal, 0, 5_000);
            Collected got = new Collected();
            try (JournalCursor cursor = journal.cursor(0)) {
                int batches = 0;
                while (cursor.read(700, got) > 0) {
                    batches++;
                }
                assertThat(batches).isEqualTo(8);
                assertThat(cursor.position()).isEqualTo(5_000);
            }
            assertThat(Files.exists(journal.directory().resolve(String.format("%020d.mgaudit", 0))))
                    .isTrue();
            assertThat(got.indices).hasSize(5_000);
            for (int i = 0; i < 5_000; i++) {
                assertThat(got.indices.get(i)).isEqualTo(i);
                assertThat(got.entries.get(i)).isEqualTo(entry(i));
            }
            assertThat(got.heads)
                    .extracting(SignedTreeHead::treeSize)
                    .containsExactly(1_000L, 2_000L, 3_000L, 4_000L, 5_000L);
            TreeHeadVerifier verifier = new TreeHeadVerifier(journal.publicKey());
            for (SignedTreeHead head : got.heads) {
                assertThat(verifier.verifies(head)).isTrue();
                assertThat(head.rootHash()).isEqualTo(journal.root(head.treeSize()));
            }
        }
    }

    @Test
    void resumesFromTheMiddleAndPicksUpWhatIsAppendedLater() {
        try (AuditJournal journal = open()) {
            appendAll(journal, 0, 3_000);
            Collected got = new Collected();
            try (JournalCursor cursor = journal.cursor(2_000)) {
                while (cursor.read(10_000, got) > 0) {
                    // catch up
                }
                assertThat(got.indices).first().isEqualTo(2_000L);
                assertThat(got.indices).hasSize(1_000);
                // The head of size 2,000 is the one a follower that stopped at entry 2,000 may lack.
                assertThat(got.heads).extracting(SignedTreeHead::treeSize).containsExactly(2_000L, 3_000L);

                appendAll(journal, 3_000, 3_500);
                assertThat(cursor.read(10_000, got)).isEqualTo(500);
                assertThat(cursor.read(10_000, got)).isZero();
                assertThat(got.indices).last().isEqualTo(3_499L);
                assertThat(got.entries.get(got.entries.size() - 1)).isEqualTo(entry(3_499));
            }
        }
    }

    @Test
    void refusesToStartBeyondTheDurableEntries() {
        try (AuditJournal journal = open()) {
            appendAll(journal, 0, 10);
            assertThatThrownBy(() -> journal.cursor(11)).hasMessageContaining("entry index 11");
            assertThatThrownBy(() -> journal.cursor(-1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anExportWrittenToAChannelIsTheFileExportAndVerifies() throws Exception {
        try (AuditJournal journal = open()) {
            appendAll(journal, 0, 2_500);
            JournalExport export = journal.export();
            ByteArrayOutputStream streamed = new ByteArrayOutputStream();
            export.writeTo(Channels.newChannel(streamed));
            Path file = temp.resolve("export.mgaudit");
            SignedTreeHead fileHead = journal.exportTo(file);

            assertThat(export.head()).isEqualTo(fileHead);
            assertThat(export.head().treeSize()).isEqualTo(2_500);
            assertThat(streamed.toByteArray()).isEqualTo(Files.readAllBytes(file));
            Path streamedFile = temp.resolve("streamed.mgaudit");
            Files.write(streamedFile, streamed.toByteArray());
            VerificationResult result = new ExportVerifier(journal.publicKey()).verify(streamedFile, export.head());
            assertThat(result.verified()).as(result.message()).isTrue();
            assertThat(result.verifiedEntries()).isEqualTo(2_500);
        }
    }
}
