package org.meterguard.server.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;
import org.meterguard.audit.SecretKeyAccess;
import org.meterguard.audit.TreeHeadSigningKey;
import org.meterguard.server.keys.KeyEncryptionKey;
import org.meterguard.server.keys.WrappedKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tree head signing key on disk: its PKCS#8 encoding wrapped under the installation's {@link KeyEncryptionKey}
 * (AES-256-GCM, bound to {@value #OWNER}), readable by the owner only, written atomically; the public key beside it
 * as PEM ({@code <file>.pub.pem}) for anyone who verifies exports. Created on first start, and only then: a journal
 * that already has entries but no key file is an error to repair from backup, never a reason to make a new key.
 *
 * <pre>
 * kek=&lt;id of the KEK&gt;
 * wrapped=&lt;base64 of nonce ‖ ciphertext ‖ tag&gt;
 * </pre>
 */
public final class SigningKeyFile {
    static final String OWNER = "audit:tree-head-signing-key";
    private static final Logger log = LoggerFactory.getLogger(SigningKeyFile.class);

    private SigningKeyFile() {}

    /** The key in {@code file}, created if absent and {@code journalIsNew}. */
    public static TreeHeadSigningKey loadOrCreate(Path file, KeyEncryptionKey kek, boolean journalIsNew) {
        try {
            if (Files.exists(file)) {
                TreeHeadSigningKey key = load(file, kek);
                writePublicKey(file, key);
                return key;
            }
            if (!journalIsNew) {
                throw new IllegalStateException("the audit journal has entries but its signing key file " + file
                        + " is missing; restore it from backup (a new key could not sign the existing log)");
            }
            TreeHeadSigningKey key = TreeHeadSigningKey.generate(new SecureRandom());
            store(file, kek, key);
            writePublicKey(file, key);
            log.info(
                    "Created the audit tree head signing key {} in {}",
                    key.publicKey().keyId(),
                    file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the audit signing key file " + file + ": " + e, e);
        }
    }

    /** Where the public key is written beside the wrapped private key. */
    public static Path publicKeyFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".pub.pem");
    }

    private static TreeHeadSigningKey load(Path file, KeyEncryptionKey kek) throws IOException {
        Properties stored = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            stored.load(in);
        }
        String kekId = stored.getProperty("kek");
        String wrapped = stored.getProperty("wrapped");
        if (kekId == null || wrapped == null) {
            throw new IllegalStateException("the audit signing key file " + file + " lacks 'kek' or 'wrapped'");
        }
        byte[] pkcs8 = kek.unwrap(new WrappedKey(kekId, Base64.getDecoder().decode(wrapped)), OWNER);
        try {
            return TreeHeadSigningKey.fromPkcs8(pkcs8);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static void store(Path file, KeyEncryptionKey kek, TreeHeadSigningKey key) throws IOException {
        byte[] pkcs8 = key.pkcs8(SecretKeyAccess.insecure());
        WrappedKey wrapped;
        try {
            wrapped = kek.wrap(pkcs8, OWNER);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
        String text =
                "# Meterguard audit tree head signing key (Ed25519 PKCS#8), wrapped under the key-encryption key\n"
                        + "kek=" + wrapped.kekId() + "\n"
                        + "wrapped=" + Base64.getEncoder().encodeToString(wrapped.blob()) + "\n";
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ownerOnly(temporary);
            out.write(StandardCharsets.US_ASCII.encode(text));
            out.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writePublicKey(Path file, TreeHeadSigningKey key) throws IOException {
        Path pem = publicKeyFile(file);
        String text = key.publicKey().pem();
        if (!Files.exists(pem)
                || !Files.readString(pem, StandardCharsets.US_ASCII).equals(text)) {
            Files.writeString(pem, text, StandardCharsets.US_ASCII);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.warn("Could not restrict {} to its owner on this file system", file);
        }
    }
}
