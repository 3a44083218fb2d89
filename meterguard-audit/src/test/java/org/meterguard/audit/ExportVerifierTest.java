package org.meterguard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meterguard.audit.AuditFixtures.appendAll;
import static org.meterguard.audit.AuditFixtures.everyEntries;
import static org.meterguard.audit.AuditFixtures.signer;
import static org.meterguard.audit.VerificationOutcome.ENTRIES_REORDERED;
import static org.meterguard.audit.VerificationOutcome.ENTRY_CHANGED;
import static org.meterguard.audit.VerificationOutcome.ENTRY_MISSING;
import static org.meterguard.audit.VerificationOutcome.HEAD_INVALID;
import static org.meterguard.audit.VerificationOutcome.MALFORMED;
import static org.meterguard.audit.VerificationOutcome.TRUNCATED;
import static org.meterguard.audit.VerificationOutcome.VERIFIED;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline verifier against every way of tampering with an export: a changed byte, a deleted, repeated or moved
 * entry, a cut-off file, a replaced, forged or altered head. Each must be caught and blamed on the right entry or
 * head. The export: 300 entries, a head every 50 (after entries 49, 99, ... 299), then the closing head for 300.
 */
class ExportVerifierTest {
    private static final int ENTRIES = 300;
    private static final int HEAD_EVERY = 50;

    @TempDir
    Path dir;

    private Path export;
    private ExportFile original;
    private final ExportVerifier verifier = new ExportVerifier(signer().publicKey());

    @BeforeEach
    void export() {
        export = AuditFixtures.export(dir, ENTRIES, HEAD_EVERY);
        original = ExportFile.read(export);
    }

    @Test
    void anUntouchedExportVerifiesWithItsSizeAndRoot() {
        VerificationResult result = verifier.verify(export);

        assertThat(result.outcome()).isEqualTo(VERIFIED);
        assertThat(result.verifiedEntries()).isEqualTo(ENTRIES);
        Hash root = treeOfEntries(ENTRIES).root();
        assertThat(result.verifiedRoot()).contains(root);
        assertThat(result.message()).startsWith("OK: 300 entries and 7 signed tree heads; tree size 300, root " + root);
        assertThat(original.heads()).hasSize(6);
    }

    @Test
    void anEmptyLogExportsAndVerifiesWithTheEmptyRoot() {
        Path empty = AuditFixtures.export(dir.resolve("empty"), 0, HEAD_EVERY);
        VerificationResult result = verifier.verify(empty);
        assertThat(result.outcome()).isEqualTo(VERIFIED);
        assertThat(result.verifiedEntries()).isZero();
        assertThat(result.verifiedRoot()).contains(MerkleHashing.emptyRoot());
    }

    @Test
    void aChangedByteInAnEntryIsBlamedOnThatEntry() {
        for (int index : new int[] {0, 1, 49, 50, 137, 299}) {
            ExportFile tampered = ExportFile.read(export);
            byte[] record = tampered.records.get(tampered.entry(index));
            record[20] ^= 1;

            VerificationResult result = verify(tampered);
            assertThat(result.outcome()).as("entry %d", index).isEqualTo(ENTRY_CHANGED);
            assertThat(result.entryIndex()).hasValue(index);
            assertThat(result.message()).startsWith("entry " + index + " (byte ");
        }
    }

    @Test
    void aChangedEntryWithItsCrcRewrittenIsCaughtByTheNextHeadAndBlamedOnItsRange() {
        ExportFile tampered = ExportFile.read(export);
        int at = tampered.entry(137);
        byte[] record = tampered.records.get(at).clone();
        record[20] ^= 1;
        tampered.records.set(at, ExportFile.withCrc(record));

        VerificationResult result = verify(tampered);
        assertThat(result.outcome()).isEqualTo(ENTRY_CHANGED);
        assertThat(result.entryIndex()).hasValue(100);
        assertThat(result.headNumber()).hasValue(2);
        assertThat(result.verifiedEntries()).isEqualTo(100);
        assertThat(result.message())
                .startsWith("entries 100 to 149 do not have the root signed by signed tree head #2");
    }

    @Test
    void aDeletedEntryIsNamed() {
        ExportFile tampered = ExportFile.read(export);
        tampered.records.remove(tampered.entry(137));

        VerificationResult result = verify(tampered);
        assertThat(result.outcome()).isEqualTo(ENTRY_MISSING);
        assertThat(result.entryIndex()).hasValue(137);
        assertThat(result.message()).startsWith("entry 137 is missing: entry 138 (byte ");
    }

    @Test
    void deletedEntriesAreNamedAsARange() {
        ExportFile tampered = ExportFile.read(export);
        int at = tampered.entry(10);
        tampered.records.subList(at, at + 3).clear();

        VerificationResult result = verify(tampered);
        assertThat(result.outcome()).isEqualTo(ENTRY_MISSING);
        assertThat(result.entryIndex()).hasValue(10);
        assertThat(result.message()).startsWith("entries 10 to 12 are missing");
    }

    @Test
    void anEntryDeletedJustBeforeAHeadIsNamed() {
        ExportFile tampered = ExportFile.read(export);
        tampered.records.remove(tampered.entry(99));

        VerificationResult result = verify(tampered);
        assertThat(result.outcome()).isEqualTo(ENTRY_MISSING);
        assertThat(result.entryIndex()).hasValue(99);
        assertThat(result.message()).startsWith("entry 99 is missing: signed tree head #1");
    }

    @Test
    void reorderedEntriesAreNamed() {
        for (int[] pair : new int[][] {{137, 138}, {20, 27}, {49, 50}}) {
            ExportFile tampered = ExportFile.read(export);
            Collections.swap(tampered.records, tampered.entry(pair[0]), tampered.entry(pair[1]));

            VerificationResult result = verify(tampered);
            assertThat(result.outcome()).as("swap %s", Arrays.toString(pair)).isEqualTo(ENTRIES_REORDERED);
            assertThat(result.entryIndex()).hasValue(pair[0]);
            assertThat(result.message())
                    .startsWith("entry " + pair[0] + " is out of order: entry " + pair[1] + " stands in its place");
        }
    }

    @Test
    void aRepeatedEntryIsNamed() {
        ExportFile tampered = ExportFile.read(export);
        int at = tampered.entry(60);
        tampered.records.add(at + 1, tampered.records.get(at));

        VerificationResult result = verify(tampered);
        assertThat(result.outcome()).isEqualTo(ENTRIES_REORDERED);
        assertThat(result.entryIndex()).hasValue(61);
        assertThat(result.message()).startsWith("entry 60 (byte ").contains("appears after entry 60");
    }

    @Test
    void aHeadMovedPastAnEntryIsOutOfOrder() {
        ExportFile tampered = ExportFile.read(export);
        int head = tampered.heads().get(0);
        Collections.swap(tampered.records, head, head + 1);

        VerificationResult result = verify(tampered);
        assertThat(result.outcome()).isEqualTo(ENTRIES_REORDERED);
        assertThat(result.headNumber()).hasValue(0);
        assertThat(result.message())
                .startsWith("signed tree head #0 for 50 entries (byte ")
                .contains("after entry 50");
    }

    @Test
    void anExportCutOffAnywhereIsTruncated() throws IOException {
        byte[] bytes = Files.readAllBytes(export);
        Path cut = dir.resolve("cut.mgaudit");
        for (int length = 0; length < bytes.length; length += length < 400 ? 1 : 97) {
            Files.write(cut, Arrays.copyOf(bytes, length));
            VerificationResult result = verifier.verify(cut);
            assertThat(result.outcome())
                    .as("cut to %d bytes", length)
                    .isEqualTo(length < ExportFile.HEADER ? MALFORMED : TRUNCATED);
        }
        ExportFile tampered = ExportFile.read(export);
        tampered.records.subList(tampered.entry(200), tampered.records.size()).clear();
        VerificationResult result = verify(tampered);
        assertThat(result.outcome()).isEqualTo(TRUNCATED);
        assertThat(result.entryIndex()).hasValue(200);
        assertThat(result.verifiedEntries()).isEqualTo(200);
        assertThat(result.message()).contains("ends after 200 entries");
    }

    @Test
    void anExportCutAfterAHeadAndReclosedIsCaughtOnlyAgainstATrustedHead() {
        ExportFile tampered = ExportFile.read(export);
        int head = tampered.heads().get(2); // the head for 150
        byte[] closing = ExportFile.record((byte) 3, 150, ExportFile.payload(tampered.records.get(head)));
        tampered.records.subList(head, tampered.records.size()).clear();
        tampered.records.add(closing);
        Path shortened = tampered.writeTo(dir.resolve("shortened.mgaudit"));
        SignedTreeHead trusted = SignedTreeHead.decode(ExportFile.payload(last(original.records)));

        assertThat(verifier.verify(shortened).outcome()).isEqualTo(VERIFIED); // the documented limit
        VerificationResult result = verifier.verify(shortened, trusted);
        assertThat(result.outcome()).isEqualTo(TRUNCATED);
        assertThat(result.message()).contains("holds 150 entries, but the trusted head covers 300");
        assertThat(verifier.verify(export, trusted).outcome()).isEqualTo(VERIFIED);
    }

    @Test
    void aTrustedHeadTheEntriesDoNotMatchIsAChange() {
        Path otherDir = dir.resolve("other");
        SignedTreeHead forked;
        try (AuditJournal other = AuditJournal.open(otherDir, signer(), everyEntries(HEAD_EVERY))) {
            appendAll(other, 0, 120);
            other.append(AuditFixtures.entry(999_999)).join(); // entry 120 differs
            forked = other.signHeadNow();
        }
        VerificationResult result = verifier.verify(export, forked);
        assertThat(result.outcome()).isEqualTo(ENTRY_CHANGED);
        assertThat(result.entryIndex()).hasValue(100);
        assertThat(result.message()).contains("do not have the root of the trusted head");
    }

    @Test
    void aHeadReplacedByOneOfAnotherKeyIsNamed() {
        ExportFile tampered = ExportFile.read(export);
        int at = tampered.heads().get(3); // the head for 200
        SignedTreeHead genuine = SignedTreeHead.decode(ExportFile.payload(tampered.records.get(at)));
        SignedTreeHead replaced = new TreeHeadSigner(AuditFixtures.key(2))
                .sign(genuine.treeSize(), genuine.rootHash(), genuine.timestamp());
        tampered.records.set(at, ExportFile.record((byte) 2, 200, replaced.encoded()));

        VerificationResult result = verify(tampered);
        assertThat(result.outcome()).isEqualTo(HEAD_INVALID);
        assertThat(result.headNumber()).hasValue(3);
        assertThat(result.verifiedEntries()).isEqualTo(150);
        assertThat(result.message())
                .startsWith("signed tree head #3 (byte ")
                .contains("is signed by key " + replaced.keyId() + ", not by the given key");
    }

    @Test
    void aHeadForgedUnderTheRightKeyIdDoesNotVerify() {
        ExportFile tampered = ExportFile.read(export);
        int at = tampered.heads().get(3);
        SignedTreeHead genuine = SignedTreeHead.decode(ExportFile.payload(tampered.records.get(at)));
        byte[] forged = new TreeHeadSigner(AuditFixtures.key(2))
                .sign(genuine.treeSize(), genuine.rootHash(), genuine.timestamp())
                .encoded();
        System.arraycopy(genuine.keyId().bytes(), 0, forged, TreeHeadDescriptor.KEY_ID_OFFSET, Hash.LENGTH);
        tampered.records.set(at, ExportFile.record((byte) 2, 200, forged));

        VerificationResult result = verify(tampered);
        assertThat(result.outcome()).isEqualTo(HEAD_INVALID);
        assertThat(result.headNumber()).hasValue(3);
        assertThat(result.message()).contains("does not verify: it is forged or altered (its root matches");
    }

    @Test
    void aHeadWithAnAlteredRootIsNamedWithOrWithoutItsCrcRewritten() {
        for (boolean rewriteCrc : new boolean[] {false, true}) {
            ExportFile tampered = ExportFile.read(export);
            int at = tampered.heads().get(1);
            byte[] record = tampered.records.get(at).clone();
            record[13 + TreeHeadDescriptor.ROOT_HASH_OFFSET + 5] ^= 0x10;
            tampered.records.set(at, rewriteCrc ? ExportFile.withCrc(record) : record);

            VerificationResult result = verify(tampered);
            assertThat(result.outcome()).isEqualTo(HEAD_INVALID);
            assertThat(result.headNumber()).hasValue(1);
            assertThat(result.message())
                    .contains(rewriteCrc ? "the root was altered" : "its record's CRC does not match");
        }
    }

    @Test
    void aReplacedClosingHeadIsNamed() {
        ExportFile tampered = ExportFile.read(export);
        SignedTreeHead genuine = SignedTreeHead.decode(ExportFile.payload(last(tampered.records)));
        SignedTreeHead replaced = new TreeHeadSigner(AuditFixtures.key(3))
                .sign(genuine.treeSize(), genuine.rootHash(), genuine.timestamp());
        tampered.records.set(tampered.records.size() - 1, ExportFile.record((byte) 3, 300, replaced.encoded()));

        VerificationResult result = verify(tampered);
        assertThat(result.outcome()).isEqualTo(HEAD_INVALID);
        assertThat(result.headNumber()).hasValue(6);
    }

    @Test
    void removingAnIntermediateHeadLosesNoEntryAndStillVerifies() {
        ExportFile tampered = ExportFile.read(export);
        tampered.records.remove((int) tampered.heads().get(2));
        // Heads are the log's statements about its entries; each later head covers all the earlier entries too.
        assertThat(verify(tampered).outcome()).isEqualTo(VERIFIED);
    }

    @Test
    void bytesAfterTheClosingHeadOrAForeignFileAreMalformed() throws IOException {
        ExportFile tampered = ExportFile.read(export);
        tampered.records.add(ExportFile.record((byte) 0, 300, AuditFixtures.entry(300)));
        assertThat(verify(tampered).outcome()).isEqualTo(MALFORMED);

        Path foreign = Files.write(dir.resolve("foreign"), AuditFixtures.ascii("not an audit export at all, no"));
        VerificationResult result = verifier.verify(foreign);
        assertThat(result.outcome()).isEqualTo(MALFORMED);
        assertThat(result.message()).contains("does not start with the export magic");
    }

    @Test
    void everyFlippedByteOfASmallExportIsCaughtAndEntryBytesAreBlamedOnTheirEntry() throws IOException {
        Path small = AuditFixtures.export(dir.resolve("small"), 6, 2);
        byte[] bytes = Files.readAllBytes(small);
        ExportFile parsed = ExportFile.read(small);
        long[] entryAt = new long[bytes.length]; // for each byte inside an entry's payload, that entry's index
        Arrays.fill(entryAt, -1);
        int offset = ExportFile.HEADER;
        for (byte[] record : parsed.records) {
            if (ExportFile.type(record) == 0) {
                Arrays.fill(entryAt, offset + 13, offset + record.length - 4, ExportFile.position(record));
            }
            offset += record.length;
        }
        Path flipped = dir.resolve("flipped.mgaudit");
        for (int i = 0; i < bytes.length; i++) {
            byte[] altered = bytes.clone();
            altered[i] ^= (byte) 0x01;
            Files.write(flipped, altered);
            VerificationResult result = verifier.verify(flipped);
            assertThat(result.outcome()).as("byte %d of %d", i, bytes.length).isNotEqualTo(VERIFIED);
            if (entryAt[i] >= 0) {
                assertThat(result.outcome()).as("byte %d", i).isEqualTo(ENTRY_CHANGED);
                assertThat(result.entryIndex()).as("byte %d", i).hasValue(entryAt[i]);
            }
        }
    }

    private VerificationResult verify(ExportFile tampered) {
        return verifier.verify(tampered.writeTo(dir.resolve("tampered.mgaudit")));
    }

    private static MerkleTree treeOfEntries(int n) {
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < n; i++) {
            tree.append(MerkleHashing.leafHash(AuditFixtures.entry(i)));
        }
        return tree;
    }

    private static byte[] last(List<byte[]> records) {
        return records.get(records.size() - 1);
    }
}
