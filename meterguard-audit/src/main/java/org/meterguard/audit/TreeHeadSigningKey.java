package org.meterguard.audit;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;

/**
 * The Ed25519 private key a log signs its tree heads with. Encodings: the raw 32-byte seed of RFC 8032 §5.1.5, PKCS#8
 * DER as RFC 8410 §7 (read with or without the public key; written as BouncyCastle writes it, with the public key,
 * which the JDK's {@code KeyFactory} and OpenSSL read), and PEM ({@code PRIVATE KEY}).
 *
 * <p>Reading the private bytes out takes {@link SecretKeyAccess}. {@code toString} shows the public key id only;
 * {@code equals} compares in constant time. Use the key for tree heads and nothing else.
 */
public final class TreeHeadSigningKey {
    /** The length of a raw Ed25519 private key (the seed). */
    public static final int RAW_LENGTH = 32;

    private static final String PEM_LABEL = "PRIVATE KEY";

    private final Ed25519PrivateKeyParameters parameters;
    private final TreeHeadPublicKey publicKey;

    private TreeHeadSigningKey(Ed25519PrivateKeyParameters parameters) {
        this.parameters = parameters;
        this.publicKey = TreeHeadPublicKey.of(parameters.generatePublicKey());
    }

    /** A fresh key from {@code random}. */
    public static TreeHeadSigningKey generate(SecureRandom random) {
        return new TreeHeadSigningKey(new Ed25519PrivateKeyParameters(Objects.requireNonNull(random, "random")));
    }

    /** The key with this 32-byte seed; another length is an error naming it (and only it). */
    public static TreeHeadSigningKey fromRawSeed(byte[] seed) {
        Objects.requireNonNull(seed, "seed");
        if (seed.length != RAW_LENGTH) {
            throw new IllegalArgumentException(
                    "invalid Ed25519 private key length " + seed.length + "; only 32 bytes are valid");
        }
        return new TreeHeadSigningKey(new Ed25519PrivateKeyParameters(seed));
    }

    /** The key in this PKCS#8 DER; anything but an Ed25519 private key is an error. */
    public static TreeHeadSigningKey fromPkcs8(byte[] der) {
        Objects.requireNonNull(der, "der");
        AsymmetricKeyParameter key;
        try {
            key = PrivateKeyFactory.createKey(der);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a DER PKCS#8 private key (" + der.length + " bytes)", e);
        }
        if (!(key instanceof Ed25519PrivateKeyParameters ed25519)) {
            throw new IllegalArgumentException("the private key is "
                    + key.getClass().getSimpleName() + "; tree heads are signed with Ed25519 only");
        }
        return new TreeHeadSigningKey(ed25519);
    }

    /** The key in this PEM {@code PRIVATE KEY} block. */
    public static TreeHeadSigningKey fromPem(String pem) {
        return fromPkcs8(Pem.decode(Objects.requireNonNull(pem, "pem"), PEM_LABEL));
    }

    /** The public half. */
    public TreeHeadPublicKey publicKey() {
        return publicKey;
    }

    /** A copy of the 32-byte seed. */
    public byte[] rawSeed(SecretKeyAccess access) {
        Objects.requireNonNull(access, "access");
        return parameters.getEncoded();
    }

    /** The PKCS#8 DER encoding. */
    public byte[] pkcs8(SecretKeyAccess access) {
        Objects.requireNonNull(access, "access");
        try {
            return PrivateKeyInfoFactory.createPrivateKeyInfo(parameters).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("BouncyCastle could not encode an Ed25519 private key", e);
        }
    }

    /** The PEM {@code PRIVATE KEY} block. */
    public String pem(SecretKeyAccess access) {
        return Pem.encode(PEM_LABEL, pkcs8(access));
    }

    Ed25519PrivateKeyParameters parameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TreeHeadSigningKey k
                && MessageDigest.isEqual(k.parameters.getEncoded(), parameters.getEncoded());
    }

    /** The public key's hash: no function of the private bytes leaks. */
    @Override
    public int hashCode() {
        return publicKey.hashCode();
    }

    @Override
    public String toString() {
        return "TreeHeadSigningKey[keyId=" + publicKey.keyId() + "]";
    }
}
