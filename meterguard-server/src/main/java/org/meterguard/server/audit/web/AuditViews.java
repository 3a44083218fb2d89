package org.meterguard.server.audit.web;

import java.time.Instant;
import java.util.List;
import org.meterguard.audit.ConsistencyProof;
import org.meterguard.audit.Hash;
import org.meterguard.audit.InclusionProof;
import org.meterguard.audit.SignedTreeHead;

/** The JSON shapes of the auditor's API: hashes and signatures as lowercase hex. */
final class AuditViews {
    private AuditViews() {}

    /**
     * A signed tree head; {@code encoded} (292 hex digits) is the whole head as the offline verifier's {@code --head}
     * reads it, and what {@link SignedTreeHead#decode} takes.
     */
    public record TreeHead(
            long treeSize, Instant timestamp, String rootHash, String keyId, String signature, String encoded) {
        static TreeHead of(SignedTreeHead head) {
            return new TreeHead(
                    head.treeSize(),
                    head.timestamp(),
                    head.rootHash().toHex(),
                    head.keyId().toHex(),
                    java.util.HexFormat.of().formatHex(head.signature()),
                    java.util.HexFormat.of().formatHex(head.encoded()));
        }
    }

    /** An audit path for {@code leafIndex} in the tree of {@code treeSize} entries, innermost sibling first. */
    public record Inclusion(long leafIndex, long treeSize, String leafHash, List<String> path) {
        static Inclusion of(Hash leafHash, InclusionProof proof) {
            return new Inclusion(proof.leafIndex(), proof.treeSize(), leafHash.toHex(), hex(proof.path()));
        }
    }

    /** The proof that the tree of {@code oldSize} entries is a prefix of that of {@code newSize}. */
    public record Consistency(long oldSize, long newSize, List<String> path) {
        static Consistency of(ConsistencyProof proof) {
            return new Consistency(proof.oldSize(), proof.newSize(), hex(proof.path()));
        }
    }

    private static List<String> hex(List<Hash> path) {
        return path.stream().map(Hash::toHex).toList();
    }
}
