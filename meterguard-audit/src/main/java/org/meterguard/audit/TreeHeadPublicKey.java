package org.meterguard.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * The Ed25519 public key that verifies a log's tree heads. Three encodings, all of the same 32-byte key:
 *
 * <ul>
 *   <li>raw: the 32-byte public key of RFC 8032 §5.1.5 ({@link #raw()}, {@link #fromRaw});
 *   <li>X.509 SubjectPublicKeyInfo, DER, as RFC 8410 §4 (44 bytes; what the JDK's {@code PublicKey.getEncoded()} gives
 *       and OpenSSL's {@code pkey -pubout -outform DER} writes) ({@link #x509()}, {@link #fromX509});
 *   <li>PEM: that DER in a {@code PUBLIC KEY} block ({@link #pem()}, {@link #fromPem}).
 * </ul>
 *
 * {@link #parse} accepts any of them, or the raw key as 64 hex digits, which is what the verifier's command line
 * reads. The key id is SHA-256 of the DER encoding, as RFC 6962's LogID.
 */
public final class TreeHeadPublicKey {
    /** The length of a raw Ed25519 public key. */
    public static final int RAW_LENGTH = 32;

    private static final String PEM_LABEL = "PUBLIC KEY";

    private final Ed25519PublicKeyParameters parameters;
    private final byte[] raw;
    private final Hash keyId;

    private TreeHeadPublicKey(Ed25519PublicKeyParameters parameters) {
        this.parameters = parameters;
        this.raw = parameters.getEncoded();
        this.keyId = keyIdOf(x509(parameters));
    }

    static TreeHeadPublicKey of(Ed25519PublicKeyParameters parameters) {
        return new TreeHeadPublicKey(parameters);
    }

    /** The key with these 32 raw bytes; another length is an error naming it. */
    public static TreeHeadPublicKey fromRaw(byte[] raw) {
        Objects.requireNonNull(raw, "raw");
        if (raw.length != RAW_LENGTH) {
            throw new IllegalArgumentException(
                    "invalid Ed25519 public key length " + raw.length + "; only 32 bytes are valid");
        }
        return new TreeHeadPublicKey(new Ed25519PublicKeyParameters(raw));
    }

    /** The key in this DER SubjectPublicKeyInfo; anything but an Ed25519 key is an error. */
    public static TreeHeadPublicKey fromX509(byte[] der) {
        Objects.requireNonNull(der, "der");
        AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(der);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a DER SubjectPublicKeyInfo (" + der.length + " bytes)", e);
        }
        if (!(key instanceof Ed25519PublicKeyParameters ed25519)) {
            throw new IllegalArgumentException("the public key is "
                    + key.getClass().getSimpleName() + "; tree heads are signed with Ed25519 only");
        }
        return new TreeHeadPublicKey(ed25519);
    }

    /** The key in this PEM {@code PUBLIC KEY} block. */
    public static TreeHeadPublicKey fromPem(String pem) {
        return fromX509(Pem.decode(Objects.requireNonNull(pem, "pem"), PEM_LABEL));
    }

    /**
     * The key in a file's contents, whichever of PEM, DER SubjectPublicKeyInfo, 32 raw bytes or 64 hex digits (white
     * space around them ignored) it holds.
     */
    public static TreeHeadPublicKey parse(byte[] contents) {
        Objects.requireNonNull(contents, "contents");
        String text = new String(contents, StandardCharsets.ISO_8859_1);
        if (Pem.isPem(text, PEM_LABEL)) {
            return fromPem(text);
        }
        String stripped = text.strip();
        if (stripped.length() == 2 * RAW_LENGTH && stripped.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return fromRaw(HexFormat.of().parseHex(stripped));
        }
        if (contents.length == RAW_LENGTH) {
            return fromRaw(contents);
        }
        return fromX509(contents);
    }

    /** A copy of the 32 raw bytes. */
    public byte[] raw() {
        return raw.clone();
    }

    /** The DER SubjectPublicKeyInfo. */
    public byte[] x509() {
        return x509(parameters);
    }

    /** The PEM {@code PUBLIC KEY} block. */
    public String pem() {
        return Pem.encode(PEM_LABEL, x509());
    }

    /** SHA-256 of {@link #x509()}, as RFC 6962's LogID; what a {@link SignedTreeHead} names its signer by. */
    public Hash keyId() {
        return keyId;
    }

    Ed25519PublicKeyParameters parameters() {
        return parameters;
    }

    private static byte[] x509(Ed25519PublicKeyParameters parameters) {
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(parameters)
                    .getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("BouncyCastle could not encode an Ed25519 public key", e);
        }
    }

    private static Hash keyIdOf(byte[] x509) {
        return Hash.of(MerkleHashing.sha256().digest(x509));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TreeHeadPublicKey k && MessageDigest.isEqual(k.raw, raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "TreeHeadPublicKey[keyId=" + keyId + "]";
    }
}
