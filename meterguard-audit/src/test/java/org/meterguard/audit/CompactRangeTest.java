package org.meterguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifier's O(log n) running root against the published vectors and {@link MerkleTree}. */
class CompactRangeTest {
    @Test
    void givesThePublishedRootAfterEveryEntry() {
        CompactRange range = new CompactRange();
        assertThat(range.root().toHex()).isEqualTo(MerkleTreeVectorsTest.ROOTS.get(0));
        for (int i = 0; i < MerkleTreeVectorsTest.ENTRIES.size(); i++) {
            byte[] entry = HexFormat.of().parseHex(MerkleTreeVectorsTest.ENTRIES.get(i));
            byte[] input = new byte[entry.length + 1];
            System.arraycopy(entry, 0, input, 1, entry.length);
            range.appendLeafInput(input, 0, input.length);
            assertThat(range.root().toHex()).as("root of %d", i + 1).isEqualTo(MerkleTreeVectorsTest.ROOTS.get(i + 1));
        }
    }

    @Test
    void agreesWithTheTreeAtEverySizeUpTo300() {
        List<Hash> leaves = MerkleTreeTest.leaves(300);
        MerkleTree tree = MerkleTreeTest.tree(leaves);
        CompactRange range = new CompactRange();
        for (int n = 1; n <= leaves.size(); n++) {
            range.appendLeafHash(leaves.get(n - 1).bytes(), 0);
            assertThat(range.root()).as("root of %d", n).isEqualTo(tree.root(n));
        }
    }
}
