package org.meterguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The RFC 6962 / RFC 9162 reference vectors (Certificate Transparency's, published by several independent
 * implementations and copied into the workspace's shared/data/audit/merkle-vectors.md). They are written into
 * this test so that it needs no file; a second test checks that the file, when present, still says the same.
 */
class MerkleTreeVectorsTest {
    /** The entries, in hex; the first is the empty entry. */
    static final List<String> ENTRIES =
            List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    /** ROOTS.get(n) is the root of the tree of the first n entries. */
    static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** Inclusion proofs: leaf index (from 0), tree size, audit path. */
    static final List<InclusionProof> INCLUSION_PROOFS = List.of(
            inclusion(
                    0,
                    8,
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            inclusion(
                    5,
                    8,
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
            inclusion(2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
            inclusion(
                    1,
                    5,
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"));

    /** Consistency proofs: old size, new size, proof. */
    static final List<ConsistencyProof> CONSISTENCY_PROOFS = List.of(
            consistency(
                    1,
                    8,
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            consistency(
                    6,
                    8,
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
            consistency(
                    2,
                    5,
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
            consistency(4, 7, "837dbb152e9b079010717e84e865da4ebc0fa198a806d59d31bf15accef22d0e"));

    private static final String VECTORS_FILE = "shared/data/audit/merkle-vectors.md";

    /** The tree of the eight entries. */
    static MerkleTree vectorTree() {
        MerkleTree tree = new MerkleTree();
        for (String entry : ENTRIES) {
            tree.append(MerkleHashing.leafHash(HexFormat.of().parseHex(entry)));
        }
        return tree;
    }

    static Hash leafHash(long index) {
        return MerkleHashing.leafHash(HexFormat.of().parseHex(ENTRIES.get((int) index)));
    }

    @Test
    void everyPrefixHasThePublishedRoot() {
        MerkleTree tree = vectorTree();
        for (int n = 0; n <= 8; n++) {
            assertThat(tree.root(n).toHex()).as("root of %d leaves", n).isEqualTo(ROOTS.get(n));
        }
        assertThat(tree.root().toHex()).isEqualTo(ROOTS.get(8));
        assertThat(new MerkleTree().root().toHex()).isEqualTo(ROOTS.get(0));
    }

    @Test
    void rootsComeOutTheSameWhenTheTreeIsBuiltIncrementally() {
        MerkleTree tree = new MerkleTree();
        assertThat(tree.root().toHex()).isEqualTo(ROOTS.get(0));
        for (int i = 0; i < ENTRIES.size(); i++) {
            assertThat(tree.append(leafHash(i))).isEqualTo(i);
            assertThat(tree.size()).isEqualTo(i + 1);
            assertThat(tree.root().toHex()).as("root after %d appends", i + 1).isEqualTo(ROOTS.get(i + 1));
        }
    }

    @Test
    void inclusionProofsAreThePublishedOnesAndVerify() {
        MerkleTree tree = vectorTree();
        for (InclusionProof published : INCLUSION_PROOFS) {
            InclusionProof ours = tree.inclusionProof(published.leafIndex(), published.treeSize());
            assertThat(ours).isEqualTo(published);
            Hash root = Hash.fromHex(ROOTS.get((int) published.treeSize()));
            assertThat(MerkleProofs.verifyInclusion(leafHash(published.leafIndex()), published, root))
                    .as("%s", published)
                    .isTrue();
        }
    }

    @Test
    void consistencyProofsAreThePublishedOnesAndVerify() {
        MerkleTree tree = vectorTree();
        for (ConsistencyProof published : CONSISTENCY_PROOFS) {
            ConsistencyProof ours = tree.consistencyProof(published.oldSize(), published.newSize());
            assertThat(ours).isEqualTo(published);
            Hash oldRoot = Hash.fromHex(ROOTS.get((int) published.oldSize()));
            Hash newRoot = Hash.fromHex(ROOTS.get((int) published.newSize()));
            assertThat(MerkleProofs.verifyConsistency(oldRoot, newRoot, published))
                    .as("%s", published)
                    .isTrue();
        }
    }

    @Test
    void theReferenceTranscriptionOfTheRfcAgreesWithThePublishedVectors() {
        List<Hash> leaves = new ArrayList<>();
        for (int i = 0; i < ENTRIES.size(); i++) {
            leaves.add(leafHash(i));
        }
        for (int n = 0; n <= 8; n++) {
            assertThat(ReferenceMerkle.mth(leaves.subList(0, n)).toHex()).isEqualTo(ROOTS.get(n));
        }
        for (InclusionProof p : INCLUSION_PROOFS) {
            assertThat(ReferenceMerkle.path((int) p.leafIndex(), leaves.subList(0, (int) p.treeSize())))
                    .isEqualTo(p.path());
        }
        for (ConsistencyProof p : CONSISTENCY_PROOFS) {
            assertThat(ReferenceMerkle.proof((int) p.oldSize(), leaves.subList(0, (int) p.newSize())))
                    .isEqualTo(p.path());
        }
    }

    @Test
    void thePublishedFileAgreesWithTheseConstantsAndOurComputation() throws IOException {
        Path file = vectorsFile();
        Assumptions.assumeTrue(
                file != null,
                "../shared/data/audit/merkle-vectors.md is absent (a clone outside the workspace); skipping");
        Map<String, List<List<String>>> tables = tables(Files.readString(file, StandardCharsets.UTF_8));
        MerkleTree tree = vectorTree();

        List<List<String>> entries = table(tables, "Entries");
        assertThat(entries).hasSize(ENTRIES.size());
        for (List<String> row : entries) {
            int index = Integer.parseInt(row.get(0));
            String entry = row.get(1).equals("(empty)") ? "" : row.get(1);
            assertThat(entry).as("entry %d", index).isEqualTo(ENTRIES.get(index));
        }

        List<List<String>> roots = table(tables, "Root");
        assertThat(roots).hasSize(ROOTS.size());
        for (List<String> row : roots) {
            int n = Integer.parseInt(row.get(0));
            assertThat(row.get(1)).as("root of %d leaves", n).isEqualTo(ROOTS.get(n));
            assertThat(tree.root(n).toHex()).as("root of %d leaves", n).isEqualTo(row.get(1));
        }

        List<InclusionProof> inclusion = new ArrayList<>();
        for (List<String> row : table(tables, "Inclusion")) {
            inclusion.add(inclusion(Long.parseLong(row.get(0)), Long.parseLong(row.get(1)), hashes(row.get(2))));
        }
        assertThat(inclusion).isEqualTo(INCLUSION_PROOFS);
        for (InclusionProof p : inclusion) {
            assertThat(tree.inclusionProof(p.leafIndex(), p.treeSize())).isEqualTo(p);
        }

        List<ConsistencyProof> consistency = new ArrayList<>();
        for (List<String> row : table(tables, "Consistency")) {
            consistency.add(consistency(Long.parseLong(row.get(0)), Long.parseLong(row.get(1)), hashes(row.get(2))));
        }
        assertThat(consistency).isEqualTo(CONSISTENCY_PROOFS);
        for (ConsistencyProof p : consistency) {
            assertThat(tree.consistencyProof(p.oldSize(), p.newSize())).isEqualTo(p);
        }
    }

    /** The vectors file, looked for from the module directory and from the project root; null if absent. */
    private static Path vectorsFile() {
        for (String prefix : new String[] {"../../", "../"}) {
            Path candidate = Path.of(prefix + VECTORS_FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The markdown's tables, each as its data rows of trimmed cells, keyed by the heading above it. */
    private static Map<String, List<List<String>>> tables(String markdown) {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        String heading = null;
        boolean header = false;
        for (String line : markdown.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("## ")) {
                heading = trimmed.substring(3);
                tables.put(heading, new ArrayList<>());
                header = true;
            } else if (heading != null && trimmed.startsWith("|")) {
                List<String> cells = Arrays.stream(
                                trimmed.substring(1, trimmed.lastIndexOf('|')).split("\\|"))
                        .map(String::trim)
                        .toList();
                if (header) {
                    header = false; // the column names
                } else if (!cells.get(0).startsWith("---")) {
                    tables.get(heading).add(cells);
                }
            }
        }
        return tables;
    }

    private static List<List<String>> table(Map<String, List<List<String>>> tables, String headingStart) {
        List<String> matching =
                tables.keySet().stream().filter(h -> h.startsWith(headingStart)).toList();
        assertThat(matching).as("tables headed '%s…'", headingStart).hasSize(1);
        return tables.get(matching.get(0));
    }

    private static String[] hashes(String cell) {
        return cell.isEmpty() ? new String[0] : cell.split("\\s*,\\s*");
    }

    private static InclusionProof inclusion(long leafIndex, long treeSize, String... path) {
        return new InclusionProof(
                leafIndex, treeSize, Arrays.stream(path).map(Hash::fromHex).toList());
    }

    private static ConsistencyProof consistency(long oldSize, long newSize, String... path) {
        return new ConsistencyProof(
                oldSize, newSize, Arrays.stream(path).map(Hash::fromHex).toList());
    }
}
