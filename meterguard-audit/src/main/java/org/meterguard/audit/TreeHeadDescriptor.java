package org.meterguard.audit;

/**
 * Layout of a signed tree head: the bytes that are signed, and the encoding stored in the journal and in exports.
 *
 * <p>The signed bytes are RFC 6962 §3.5's {@code TreeHeadSignature}, unchanged, so that a head can be checked with
 * nothing but that RFC and RFC 8032 at hand:
 *
 * <pre>
 *  0         1                2                  10                 18                                50
 *  +---------+----------------+------------------+------------------+---------------------------------+
 *  | version | signature_type | timestamp        | tree_size        | sha256_root_hash                |
 *  | v1 = 0  | tree_hash = 1  | uint64, ms since | uint64           | MTH of the first tree_size      |
 *  |         |                | 1970-01-01 UTC   |                  | entries (RFC 9162 §2.1.1)       |
 *  +---------+----------------+------------------+------------------+---------------------------------+
 * </pre>
 *
 * <p>The encoded head is those 50 bytes followed by the signer's key id and the signature:
 *
 * <pre>
 *  50                                  82                                                        146
 *  +-----------------------------------+---------------------------------------------------------+
 *  | key_id                            | signature                                               |
 *  | SHA-256 of the signer's X.509     | Ed25519 (RFC 8032 §5.1, pure, no context) over bytes    |
 *  | SubjectPublicKeyInfo (DER), as    | 0 to 50 above                                           |
 *  | RFC 6962's LogID                  |                                                         |
 *  +-----------------------------------+---------------------------------------------------------+
 * </pre>
 *
 * All integers are big-endian and unsigned; values with the top bit set are refused. The key id is not signed (as
 * in RFC 6962, where the log id travels beside the signature): it only lets a verifier tell "signed by another key"
 * from "altered", and an altered key id fails like any other alteration. The key must sign nothing but tree heads.
 */
public final class TreeHeadDescriptor {
    /** The {@code version} value: RFC 6962's v1. */
    public static final byte VERSION_V1 = 0;
    /** The {@code signature_type} value: RFC 6962's tree_hash. */
    public static final byte SIGNATURE_TYPE_TREE_HASH = 1;

    /** Offset of {@code version}. */
    public static final int VERSION_OFFSET = 0;
    /** Offset of {@code signature_type}. */
    public static final int SIGNATURE_TYPE_OFFSET = 1;
    /** Offset of {@code timestamp}. */
    public static final int TIMESTAMP_OFFSET = 2;
    /** Offset of {@code tree_size}. */
    public static final int TREE_SIZE_OFFSET = 10;
    /** Offset of {@code sha256_root_hash}. */
    public static final int ROOT_HASH_OFFSET = 18;
    /** Length of the signed bytes. */
    public static final int SIGNED_LENGTH = 50;
    /** Offset of {@code key_id} in the encoded head. */
    public static final int KEY_ID_OFFSET = 50;
    /** Offset of {@code signature} in the encoded head. */
    public static final int SIGNATURE_OFFSET = 82;
    /** Length of an Ed25519 signature. */
    public static final int SIGNATURE_LENGTH = 64;
    /** Length of the encoded head. */
    public static final int ENCODED_LENGTH = 146;

    private TreeHeadDescriptor() {}
}
