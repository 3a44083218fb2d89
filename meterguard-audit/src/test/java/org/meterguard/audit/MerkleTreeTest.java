package org.meterguard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link MerkleTree} against the literal RFC transcription in {@link ReferenceMerkle}, and its argument checks. */
class MerkleTreeTest {
    static Hash leaf(int i) {
        return MerkleHashing.leafHash(ByteBuffer.allocate(4).putInt(i).array());
    }

    static List<Hash> leaves(int n) {
        List<Hash> leaves = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            leaves.add(leaf(i));
        }
        return leaves;
    }

    static MerkleTree tree(List<Hash> leaves) {
        MerkleTree tree = new MerkleTree();
        leaves.forEach(tree::append);
        return tree;
    }

    @Test
    void theEmptyTreeHasTheHashOfNothingAsRootAndNoProofs() {
        MerkleTree tree = new MerkleTree();
        assertThat(tree.size()).isZero();
        assertThat(tree.root()).isEqualTo(MerkleHashing.emptyRoot());
        assertThat(tree.root(0)).isEqualTo(MerkleHashing.emptyRoot());
        assertThatThrownBy(() -> tree.root(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tree size 1 is out of range: the tree has 0 leaves");
        assertThatThrownBy(() -> tree.inclusionProof(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyRootAndProofOfEveryEarlierSizeIsTheRfcs() {
        List<Hash> leaves = leaves(70);
        MerkleTree tree = tree(leaves);
        for (int n = 0; n <= leaves.size(); n++) {
            List<Hash> d = leaves.subList(0, n);
            assertThat(tree.root(n)).as("root of %d", n).isEqualTo(ReferenceMerkle.mth(d));
            for (int m = 0; m < n; m++) {
                assertThat(tree.inclusionProof(m, n).path())
                        .as("PATH(%d, D[%d])", m, n)
                        .isEqualTo(ReferenceMerkle.path(m, d));
                assertThat(tree.consistencyProof(m + 1, n).path())
                        .as("PROOF(%d, D[%d])", m + 1, n)
                        .isEqualTo(ReferenceMerkle.proof(m + 1, d));
            }
        }
    }

    @Test
    void earlierRootsAndProofsDoNotChangeAsTheTreeGrows() {
        List<Hash> leaves = leaves(40);
        MerkleTree tree = new MerkleTree();
        List<Hash> roots = new ArrayList<>();
        for (Hash leaf : leaves) {
            roots.add(tree.root());
            tree.append(leaf);
            for (int n = 0; n < roots.size(); n++) {
                assertThat(tree.root(n)).isEqualTo(roots.get(n));
            }
        }
        assertThat(tree.inclusionProof(3, 17))
                .isEqualTo(tree(leaves.subList(0, 17)).inclusionProof(3, 17));
        assertThat(tree.consistencyProof(5, 23))
                .isEqualTo(tree(leaves.subList(0, 23)).consistencyProof(5, 23));
    }

    @Test
    void proofsOfEqualSizesAreEmptyAndOfASingleLeafTreeToo() {
        MerkleTree tree = tree(leaves(9));
        assertThat(tree.inclusionProof(0, 1).path()).isEmpty();
        for (int n = 1; n <= 9; n++) {
            assertThat(tree.consistencyProof(n, n).path()).isEmpty();
        }
    }

    @Test
    void aLargeTreeAcrossStorageChunksHasTheRfcsRootAndProofs() {
        int n = (1 << 17) + 5; // more leaves than one storage chunk holds, on the lowest three levels
        List<Hash> leaves = leaves(n);
        MerkleTree tree = tree(leaves);
        assertThat(tree.size()).isEqualTo(n);
        assertThat(tree.root()).isEqualTo(ReferenceMerkle.mth(leaves));
        for (int index : new int[] {0, 1, 32767, 32768, 65536, n / 2, n - 2, n - 1}) {
            InclusionProof proof = tree.inclusionProof(index, n);
            assertThat(proof.path()).isEqualTo(ReferenceMerkle.path(index, leaves));
            assertThat(MerkleProofs.verifyInclusion(leaves.get(index), proof, tree.root()))
                    .isTrue();
        }
        for (int oldSize : new int[] {1, 3, 32768, 32769, 1 << 17, n - 1}) {
            ConsistencyProof proof = tree.consistencyProof(oldSize, n);
            assertThat(proof.path()).isEqualTo(ReferenceMerkle.proof(oldSize, leaves));
            assertThat(MerkleProofs.verifyConsistency(tree.root(oldSize), tree.root(), proof))
                    .isTrue();
        }
    }

    @Test
    void outOfRangeSizesAndIndicesAreRefusedWithTheReason() {
        MerkleTree tree = tree(leaves(8));
        assertThatThrownBy(() -> tree.root(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tree size -1 is out of range: the tree has 8 leaves");
        assertThatThrownBy(() -> tree.root(9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tree size 9 is out of range: the tree has 8 leaves");

        assertThatThrownBy(() -> tree.inclusionProof(0, 9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tree size 9 is out of range: an inclusion proof needs a tree of 1 to 8 leaves");
        assertThatThrownBy(() -> tree.inclusionProof(0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tree size 0 is out of range: an inclusion proof needs a tree of 1 to 8 leaves");
        assertThatThrownBy(() -> tree.inclusionProof(5, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("leaf index 5 is out of range: a tree of 5 leaves has indices 0 to 4");
        assertThatThrownBy(() -> tree.inclusionProof(-1, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("leaf index -1 is out of range: a tree of 8 leaves has indices 0 to 7");

        assertThatThrownBy(() -> tree.consistencyProof(1, 9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("new size 9 is out of range: a consistency proof needs a tree of 1 to 8 leaves");
        assertThatThrownBy(() -> tree.consistencyProof(6, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("old size 6 is out of range: it must be from 1 to the new size 5");
        assertThatThrownBy(() -> tree.consistencyProof(0, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("old size 0 is out of range: it must be from 1 to the new size 5");
        assertThatThrownBy(() -> tree.consistencyProof(-3, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.append(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void appendReturnsTheIndexOfTheNewLeaf() {
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < 5; i++) {
            assertThat(tree.append(leaf(i))).isEqualTo(i);
        }
        assertThat(tree.size()).isEqualTo(5);
    }
}
