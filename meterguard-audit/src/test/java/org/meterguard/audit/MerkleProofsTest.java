package org.meterguard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.meterguard.audit.MerkleProofs.verifyConsistency;
import static org.meterguard.audit.MerkleProofs.verifyInclusion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The verifiers must accept every honest proof and reject every altered one: a changed bit, swapped, dropped or
 * added path elements, another index, size or root. Exhaustively for trees of 1 to 64 leaves, and with the
 * published vectors.
 */
class MerkleProofsTest {
    private static final int MAX = 64;
    private static final List<Hash> LEAVES = MerkleTreeTest.leaves(MAX);
    private static final MerkleTree TREE = MerkleTreeTest.tree(LEAVES);
    /** ROOTS[n] = TREE.root(n), computed once: the loops below ask for them hundreds of thousands of times. */
    private static final Hash[] ROOTS = new Hash[MAX + 1];

    static {
        for (int n = 0; n <= MAX; n++) {
            ROOTS[n] = TREE.root(n);
        }
    }

    // ---- inclusion ---------------------------------------------------------------------------------------------

    @Test
    void everyHonestInclusionProofVerifiesAndEveryAlteredOneFails() {
        for (int n = 1; n <= MAX; n++) {
            Hash root = ROOTS[n];
            for (int i = 0; i < n; i++) {
                InclusionProof proof = TREE.inclusionProof(i, n);
                Hash leaf = LEAVES.get(i);
                String what = "leaf " + i + " of " + n;
                assertThat(verifyInclusion(leaf, proof, root)).as(what).isTrue();

                for (List<Hash> path : alteredPaths(proof.path(), i + n, root, leaf)) {
                    assertThat(verifyInclusion(leaf, new InclusionProof(i, n, path), root))
                            .as("%s, path %s", what, path)
                            .isFalse();
                }
                for (int other = 0; other < n; other++) {
                    if (other != i) {
                        assertThat(verifyInclusion(leaf, new InclusionProof(other, n, proof.path()), root))
                                .as("%s claimed as leaf %d", what, other)
                                .isFalse();
                        assertThat(verifyInclusion(LEAVES.get(other), proof, root))
                                .as("%s with leaf %d's hash", what, other)
                                .isFalse();
                    }
                }
                for (int size = i + 1; size <= MAX; size++) {
                    if (size != n) {
                        // A wrong size with the root of that size, as a tree head would pair them.
                        assertThat(verifyInclusion(leaf, new InclusionProof(i, size, proof.path()), ROOTS[size]))
                                .as("%s claimed for %d leaves", what, size)
                                .isFalse();
                        assertThat(verifyInclusion(leaf, proof, ROOTS[size]))
                                .as("%s against the root of %d leaves", what, size)
                                .isFalse();
                    }
                }
                assertThat(verifyInclusion(leaf, proof, flipBit(root, i + n)))
                        .as("%s against an altered root", what)
                        .isFalse();
                assertThat(verifyInclusion(flipBit(leaf, i), proof, root))
                        .as("%s with an altered leaf hash", what)
                        .isFalse();
            }
        }
    }

    @Test
    void thePublishedInclusionProofsFailWhenAnyBitIsChanged() {
        for (InclusionProof published : MerkleTreeVectorsTest.INCLUSION_PROOFS) {
            Hash leaf = MerkleTreeVectorsTest.leafHash(published.leafIndex());
            Hash root = Hash.fromHex(MerkleTreeVectorsTest.ROOTS.get((int) published.treeSize()));
            for (int element = 0; element < published.path().size(); element++) {
                for (int bit = 0; bit < 8 * Hash.LENGTH; bit++) {
                    List<Hash> path = new ArrayList<>(published.path());
                    path.set(element, flipBit(path.get(element), bit));
                    assertThat(verifyInclusion(
                                    leaf, new InclusionProof(published.leafIndex(), published.treeSize(), path), root))
                            .isFalse();
                }
            }
            for (int bit = 0; bit < 8 * Hash.LENGTH; bit++) {
                assertThat(verifyInclusion(flipBit(leaf, bit), published, root)).isFalse();
                assertThat(verifyInclusion(leaf, published, flipBit(root, bit))).isFalse();
            }
        }
    }

    /**
     * Documents a property of RFC 9162 proofs rather than a wish: a path fits every tree size with the same shape
     * along it, so only the root binds the size. The path to leaf 5 of 8 (whose right neighbour subtree is
     * leaves 6..7) is also a well-formed path to leaf 5 of 7 (whose right neighbour is leaf 6 alone), and it leads
     * to the 8-leaf root either way. Hence size and root must come from the same signed tree head.
     */
    @Test
    void onlyTheRootBindsTheTreeSizeOfAnInclusionProof() {
        InclusionProof fiveOfEight = MerkleTreeVectorsTest.INCLUSION_PROOFS.get(1);
        Hash leaf = MerkleTreeVectorsTest.leafHash(5);
        Hash root8 = Hash.fromHex(MerkleTreeVectorsTest.ROOTS.get(8));
        Hash root7 = Hash.fromHex(MerkleTreeVectorsTest.ROOTS.get(7));
        InclusionProof relabelled = new InclusionProof(5, 7, fiveOfEight.path());
        assertThat(verifyInclusion(leaf, relabelled, root8)).isTrue();
        assertThat(verifyInclusion(leaf, relabelled, root7)).isFalse();
        for (long size : new long[] {6, 9, 16}) {
            assertThat(verifyInclusion(leaf, new InclusionProof(5, size, fiveOfEight.path()), root8))
                    .as("size %d", size)
                    .isFalse();
        }
    }

    @Test
    void hostileInclusionProofsAreRefusedWithoutAnException() {
        InclusionProof honest = TREE.inclusionProof(5, 8);
        Hash leaf = LEAVES.get(5);
        Hash root = ROOTS[8];
        long[][] indexAndSize = {
            {-1, 8},
            {8, 8},
            {9, 8},
            {0, 0},
            {0, -1},
            {5, Long.MAX_VALUE},
            {Long.MAX_VALUE - 1, Long.MAX_VALUE},
            {Long.MIN_VALUE, 8},
            {5, Long.MIN_VALUE},
            {Long.MAX_VALUE, Long.MAX_VALUE}
        };
        for (long[] claim : indexAndSize) {
            assertThat(verifyInclusion(leaf, new InclusionProof(claim[0], claim[1], honest.path()), root))
                    .as("index %d, size %d", claim[0], claim[1])
                    .isFalse();
        }
        List<Hash> huge = Collections.nCopies(1_000_000, root);
        assertThat(verifyInclusion(leaf, new InclusionProof(5, 8, huge), root)).isFalse();
        assertThat(verifyInclusion(leaf, new InclusionProof(5, Long.MAX_VALUE, huge), root))
                .isFalse();
        assertThat(verifyInclusion(leaf, new InclusionProof(5, 8, List.of()), root))
                .isFalse();
        // A one-leaf tree: the root is the leaf hash and the path is empty; nothing may be added.
        assertThat(verifyInclusion(leaf, new InclusionProof(0, 1, List.of()), leaf))
                .isTrue();
        assertThat(verifyInclusion(leaf, new InclusionProof(0, 1, List.of(leaf)), leaf))
                .isFalse();
    }

    // ---- consistency -------------------------------------------------------------------------------------------

    @Test
    void everyHonestConsistencyProofVerifiesAndEveryAlteredOneFails() {
        for (int n = 1; n <= MAX; n++) {
            Hash newRoot = ROOTS[n];
            for (int m = 1; m <= n; m++) {
                Hash oldRoot = ROOTS[m];
                ConsistencyProof proof = TREE.consistencyProof(m, n);
                String what = "from " + m + " to " + n;
                assertThat(verifyConsistency(oldRoot, newRoot, proof)).as(what).isTrue();

                for (List<Hash> path : alteredPaths(proof.path(), m + n, oldRoot, newRoot)) {
                    assertThat(verifyConsistency(oldRoot, newRoot, new ConsistencyProof(m, n, path)))
                            .as("%s, path %s", what, path)
                            .isFalse();
                }
                for (int otherOld = Math.max(1, m - 4); otherOld <= Math.min(MAX, m + 4); otherOld++) {
                    if (otherOld != m) {
                        assertThat(verifyConsistency(ROOTS[otherOld], newRoot, proof))
                                .as("%s with the old root of %d", what, otherOld)
                                .isFalse();
                    }
                }
                for (int otherNew = Math.max(1, n - 4); otherNew <= Math.min(MAX, n + 4); otherNew++) {
                    if (otherNew != n) {
                        assertThat(verifyConsistency(oldRoot, ROOTS[otherNew], proof))
                                .as("%s with the new root of %d", what, otherNew)
                                .isFalse();
                    }
                }
                // Wrong sizes, each with the roots of those sizes, as tree heads would pair them.
                for (int newSize = Math.max(1, n - 2); newSize <= Math.min(MAX, n + 2); newSize++) {
                    for (int oldSize = Math.max(1, m - 4); oldSize <= Math.min(newSize, m + 4); oldSize++) {
                        boolean honestToo = proof.path().isEmpty() && oldSize == newSize; // (k, k) needs no path
                        if ((oldSize != m || newSize != n) && !honestToo) {
                            assertThat(verifyConsistency(
                                            ROOTS[oldSize],
                                            ROOTS[newSize],
                                            new ConsistencyProof(oldSize, newSize, proof.path())))
                                    .as("%s claimed from %d to %d", what, oldSize, newSize)
                                    .isFalse();
                        }
                    }
                }
                assertThat(verifyConsistency(flipBit(oldRoot, m), newRoot, proof))
                        .as("%s, altered old root", what)
                        .isFalse();
                assertThat(verifyConsistency(oldRoot, flipBit(newRoot, n), proof))
                        .as("%s, altered new root", what)
                        .isFalse();
            }
        }
    }

    @Test
    void thePublishedConsistencyProofsFailWhenAnyBitIsChanged() {
        for (ConsistencyProof published : MerkleTreeVectorsTest.CONSISTENCY_PROOFS) {
            Hash oldRoot = Hash.fromHex(MerkleTreeVectorsTest.ROOTS.get((int) published.oldSize()));
            Hash newRoot = Hash.fromHex(MerkleTreeVectorsTest.ROOTS.get((int) published.newSize()));
            for (int element = 0; element < published.path().size(); element++) {
                for (int bit = 0; bit < 8 * Hash.LENGTH; bit++) {
                    List<Hash> path = new ArrayList<>(published.path());
                    path.set(element, flipBit(path.get(element), bit));
                    assertThat(verifyConsistency(
                                    oldRoot,
                                    newRoot,
                                    new ConsistencyProof(published.oldSize(), published.newSize(), path)))
                            .isFalse();
                }
            }
            for (int bit = 0; bit < 8 * Hash.LENGTH; bit++) {
                assertThat(verifyConsistency(flipBit(oldRoot, bit), newRoot, published))
                        .isFalse();
                assertThat(verifyConsistency(oldRoot, flipBit(newRoot, bit), published))
                        .isFalse();
            }
        }
    }

    @Test
    void equalSizesAreConsistentOnlyWithAnEmptyPathAndEqualRoots() {
        Hash root = ROOTS[5];
        assertThat(verifyConsistency(root, root, new ConsistencyProof(5, 5, List.of())))
                .isTrue();
        assertThat(verifyConsistency(root, ROOTS[6], new ConsistencyProof(5, 5, List.of())))
                .isFalse();
        assertThat(verifyConsistency(root, root, new ConsistencyProof(5, 5, List.of(root))))
                .isFalse();
    }

    @Test
    void hostileConsistencyProofsAreRefusedWithoutAnException() {
        ConsistencyProof honest = TREE.consistencyProof(6, 8);
        Hash oldRoot = ROOTS[6];
        Hash newRoot = ROOTS[8];
        long[][] sizes = {
            {0, 8},
            {-1, 8},
            {6, -8},
            {9, 8},
            {0, 0},
            {6, Long.MAX_VALUE},
            {Long.MAX_VALUE - 1, Long.MAX_VALUE},
            {Long.MIN_VALUE, 8},
            {6, Long.MIN_VALUE},
            {Long.MAX_VALUE, Long.MAX_VALUE},
            {1L << 62, Long.MAX_VALUE}
        };
        for (long[] claim : sizes) {
            assertThat(verifyConsistency(oldRoot, newRoot, new ConsistencyProof(claim[0], claim[1], honest.path())))
                    .as("from %d to %d", claim[0], claim[1])
                    .isFalse();
        }
        List<Hash> huge = Collections.nCopies(1_000_000, newRoot);
        assertThat(verifyConsistency(oldRoot, newRoot, new ConsistencyProof(6, 8, huge)))
                .isFalse();
        assertThat(verifyConsistency(oldRoot, newRoot, new ConsistencyProof(4, Long.MAX_VALUE, huge)))
                .isFalse();
        assertThat(verifyConsistency(oldRoot, newRoot, new ConsistencyProof(6, 8, List.of())))
                .isFalse();
        // The empty tree is consistent with everything but has no RFC 9162 proof; a zero old size is refused.
        assertThat(verifyConsistency(MerkleHashing.emptyRoot(), newRoot, new ConsistencyProof(0, 8, List.of())))
                .isFalse();
    }

    // ---- nulls -------------------------------------------------------------------------------------------------

    @Test
    void nullArgumentsAreTheOnlyThingThatThrows() {
        Hash h = ROOTS[1];
        InclusionProof inclusion = TREE.inclusionProof(0, 1);
        ConsistencyProof consistency = TREE.consistencyProof(1, 2);
        assertThatThrownBy(() -> verifyInclusion(null, inclusion, h)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> verifyInclusion(h, null, h)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> verifyInclusion(h, inclusion, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> verifyConsistency(null, h, consistency)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> verifyConsistency(h, null, consistency)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> verifyConsistency(h, h, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new InclusionProof(0, 1, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new InclusionProof(0, 1, Arrays.asList(h, null)))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ConsistencyProof(1, 2, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ConsistencyProof(1, 2, Arrays.asList(null, h)))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void proofsCopyTheirPathSoThatItCannotChangeAfterVerification() {
        List<Hash> path = new ArrayList<>(TREE.inclusionProof(3, 8).path());
        InclusionProof proof = new InclusionProof(3, 8, path);
        path.set(0, ROOTS[8]);
        assertThat(verifyInclusion(LEAVES.get(3), proof, ROOTS[8])).isTrue();
        assertThatThrownBy(() -> proof.path().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /**
     * Paths that differ from {@code path}: each element with one bit flipped (the bit varying with {@code seed}),
     * each adjacent pair swapped, the first or last element dropped, and an element added at either end.
     */
    private static List<List<Hash>> alteredPaths(List<Hash> path, int seed, Hash... extras) {
        List<List<Hash>> altered = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            List<Hash> flipped = new ArrayList<>(path);
            flipped.set(i, flipBit(path.get(i), seed * 31 + i * 7));
            altered.add(flipped);
        }
        for (int i = 0; i + 1 < path.size(); i++) {
            List<Hash> swapped = new ArrayList<>(path);
            Collections.swap(swapped, i, i + 1);
            altered.add(swapped);
        }
        if (!path.isEmpty()) {
            altered.add(path.subList(1, path.size()));
            altered.add(path.subList(0, path.size() - 1));
        }
        List<Hash> additions = new ArrayList<>(Arrays.asList(extras));
        additions.addAll(path);
        additions.add(MerkleHashing.emptyRoot());
        for (Hash extra : additions) {
            List<Hash> appended = new ArrayList<>(path);
            appended.add(extra);
            altered.add(appended);
            List<Hash> prepended = new ArrayList<>(path);
            prepended.add(0, extra);
            altered.add(prepended);
        }
        return altered;
    }

    /** {@code hash} with bit {@code bit mod 256} inverted. */
    static Hash flipBit(Hash hash, int bit) {
        byte[] bytes = hash.bytes();
        int b = Math.floorMod(bit, 8 * Hash.LENGTH);
        bytes[b / 8] ^= (byte) (1 << (b % 8));
        return Hash.of(bytes);
    }
}
