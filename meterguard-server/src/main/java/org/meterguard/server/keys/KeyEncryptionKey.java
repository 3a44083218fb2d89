package org.meterguard.server.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The installation's key-encryption key: an AES-256 key in a PKCS#12 keystore file outside the database,
 * created on first start and reused afterwards. It wraps and unwraps data keys (meters' ciphering keys, and
 * later the keys of personal data) with AES-256-GCM; the associated data names what the key belongs to, so a
 * wrapped key copied onto another row does not unwrap.
 */
@Component
public class KeyEncryptionKey {
    private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKey.class);
    private static final String ALIAS = "meterguard-kek";
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final String id;
    private final SecureRandom random = new SecureRandom();

    KeyEncryptionKey(KeyProperties properties) throws IOException, GeneralSecurityException {
        Path keystore = properties.keystore().toAbsolutePath();
        char[] password = password(properties, keystore.resolveSibling("keystore-password"));
        this.key = Files.exists(keystore) ? load(keystore, password) : create(keystore, password);
        this.id = "kek-" + java.util.HexFormat.of().formatHex(fingerprint(key), 0, 8);
    }

    /** The id stored beside every key wrapped under this KEK. */
    public String id() {
        return id;
    }

    /** Wraps {@code plaintextKey} for {@code owner} (e.g. "meter:MG-1:v1"). */
    public WrappedKey wrap(byte[] plaintextKey, String owner) {
        try {
            byte[] nonce = new byte[NONCE_LENGTH];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintextKey);
            return new WrappedKey(
                    id,
                    ByteBuffer.allocate(nonce.length + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not wrap a key for " + owner, e);
        }
    }

    /** Unwraps a key wrapped for {@code owner}; fails when it was wrapped for another owner or altered. */
    public byte[] unwrap(WrappedKey wrapped, String owner) {
        if (!wrapped.kekId().equals(id)) {
            throw new IllegalStateException("the key of " + owner + " is wrapped under " + wrapped.kekId()
                    + ", not under this installation's " + id);
        }
        byte[] blob = wrapped.blob();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, blob, 0, NONCE_LENGTH));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(blob, NONCE_LENGTH, blob.length - NONCE_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the wrapped key of " + owner + " does not unwrap (altered or misplaced)");
        }
    }

    /**
     * A 256-bit key derived from this KEK for one named use (HMAC-SHA256 of the label), so that a use such as
     * pseudonymization has a key of its own that lives and dies with the KEK and is never stored.
     */
    byte[] derive(String label) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(("meterguard derived key: " + label).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not derive the key for " + label, e);
        }
    }

    private static SecretKey load(Path keystore, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        if (!(store.getKey(ALIAS, password) instanceof SecretKey secret)) {
            throw new IllegalStateException("keystore " + keystore + " holds no entry '" + ALIAS + "'");
        }
        log.info("Using the key-encryption key in {}", keystore);
        return secret;
    }

    private static SecretKey create(Path keystore, char[] password) throws IOException, GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey secret = generator.generateKey();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        store.setEntry(ALIAS, new KeyStore.SecretKeyEntry(secret), new KeyStore.PasswordProtection(password));
        Files.createDirectories(keystore.getParent());
        try (OutputStream out = Files.newOutputStream(keystore, StandardOpenOption.CREATE_NEW)) {
            store.store(out, password);
        }
        ownerOnly(keystore);
        log.info("Created the key-encryption key in {}", keystore);
        return secret;
    }

    private static char[] password(KeyProperties properties, Path passwordFile) throws IOException {
        if (!properties.keystorePassword().isEmpty()) {
            return properties.keystorePassword().toCharArray();
        }
        if (Files.exists(passwordFile)) {
            return Files.readString(passwordFile).strip().toCharArray();
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.createDirectories(passwordFile.getParent());
        Files.writeString(passwordFile, generated, StandardOpenOption.CREATE_NEW);
        ownerOnly(passwordFile);
        return generated.toCharArray();
    }

    private static byte[] fingerprint(SecretKey key) throws GeneralSecurityException {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(key);
        return mac.doFinal("meterguard kek id".getBytes(StandardCharsets.UTF_8));
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.warn("Could not restrict {} to its owner on this file system", file);
        }
    }
}
