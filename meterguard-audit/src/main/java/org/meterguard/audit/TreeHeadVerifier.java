package org.meterguard.audit;

import java.util.Objects;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** Checks tree heads against one Ed25519 public key. Thread-safe. */
public final class TreeHeadVerifier {
    private final TreeHeadPublicKey key;

    public TreeHeadVerifier(TreeHeadPublicKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** Whether the head names this verifier's key as its signer (a claim only: the key id is not signed). */
    public boolean namesThisKey(SignedTreeHead head) {
        return head.keyId().equals(key.keyId());
    }

    /** Whether the head names this key and its signature over its 50 signed bytes is valid under it. */
    public boolean verifies(SignedTreeHead head) {
        Objects.requireNonNull(head, "head");
        byte[] encoded = head.encodedView();
        return namesThisKey(head)
                && key.parameters()
                        .verify(
                                Ed25519.Algorithm.Ed25519,
                                null,
                                encoded,
                                0,
                                TreeHeadDescriptor.SIGNED_LENGTH,
                                encoded,
                                TreeHeadDescriptor.SIGNATURE_OFFSET);
    }

    /** The key heads are checked against. */
    public TreeHeadPublicKey publicKey() {
        return key;
    }

    @Override
    public String toString() {
        return "TreeHeadVerifier[keyId=" + key.keyId() + "]";
    }
}
