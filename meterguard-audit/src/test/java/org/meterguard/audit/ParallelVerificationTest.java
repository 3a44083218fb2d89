package org.meterguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifying on several threads gives exactly the single thread's answer, with heads inside blocks of 4,096 entries,
 * on their boundaries and across many blocks, for genuine and tampered exports alike.
 */
class ParallelVerificationTest {
    @TempDir
    Path dir;

    @Test
    void blocksOfLeavesFoldToTheTreesRootAtEverySize() {
        List<Hash> leaves = MerkleTreeTest.leaves(3 * 4096 + 5);
        try (ParallelLeaves parallel = new ParallelLeaves(3)) {
            byte[] input = new byte[33];
            byte[] root = new byte[Hash.LENGTH];
            for (int i = 0; i < leaves.size(); i++) {
                // The leaf "input" here is any bytes; compare with a tree of the hashes of the same inputs.
                System.arraycopy(leaves.get(i).bytes(), 0, input, 1, Hash.LENGTH);
                parallel.appendLeafInput(input, 0, input.length);
                int n = i + 1;
                if (n % 1000 == 0 || n % 4096 == 0 || n == leaves.size()) {
                    parallel.root(root, 0);
                    assertThat(Hash.of(root)).as("root of %d", n).isEqualTo(treeOfInputs(leaves, n));
                }
            }
        }
    }

    private static Hash treeOfInputs(List<Hash> leaves, int n) {
        MerkleTree tree = new MerkleTree();
        byte[] input = new byte[32];
        for (int i = 0; i < n; i++) {
            System.arraycopy(leaves.get(i).bytes(), 0, input, 0, Hash.LENGTH);
            tree.append(MerkleHashing.leafHash(input));
        }
        return tree.root();
    }

    @Test
    void genuineAndTamperedExportsGetTheSameAnswerOnAnyNumberOfThreads() {
        Path export = AuditFixtures.export(dir, 20_000, 3_000);
        TreeHeadPublicKey key = AuditFixtures.signer().publicKey();

        ExportFile changed = ExportFile.read(export);
        int at = changed.entry(9_500);
        byte[] record = changed.records.get(at).clone();
        record[25] ^= 4;
        changed.records.set(at, ExportFile.withCrc(record));
        Path changedFile = changed.writeTo(dir.resolve("changed.mgaudit"));

        ExportFile deleted = ExportFile.read(export);
        deleted.records.remove(deleted.entry(16_384));
        Path deletedFile = deleted.writeTo(dir.resolve("deleted.mgaudit"));

        for (Path file : new Path[] {export, changedFile, deletedFile}) {
            VerificationResult single = new ExportVerifier(key).verify(file);
            for (int threads = 2; threads <= 4; threads++) {
                assertThat(new ExportVerifier(key, threads).verify(file))
                        .as("%s on %d threads", file.getFileName(), threads)
                        .isEqualTo(single);
            }
        }
        assertThat(new ExportVerifier(key, 3).verify(export).verifiedEntries()).isEqualTo(20_000);
        assertThat(new ExportVerifier(key, 3).verify(changedFile).entryIndex()).hasValue(9_000);
    }
}
