package org.meterguard.pki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.util.Collections;

/** PKCS#12 files holding one private key and its chain, with the JDK's default (PBES2, AES-256) protection. */
final class Pkcs12 {

    private Pkcs12() {}

    static byte[] bundle(String alias, PrivateKey key, Certificate[] chain, char[] password)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, key, password, chain);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        return out.toByteArray();
    }

    /**
     * Loads a PKCS#12 file.
     *
     * @throws PkiException naming the file when it is missing, unreadable or the password is wrong
     */
    static KeyStore load(Path file, char[] password) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PkiException("no PKCS#12 file at " + file, e);
        } catch (IOException e) {
            throw new PkiException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return load(bytes, password, file.toString());
    }

    static KeyStore load(byte[] bytes, char[] password, String what) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), password);
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new PkiException("wrong password for " + what, e);
            }
            throw new PkiException(what + " is not a readable PKCS#12 file: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new PkiException(what + " is not a readable PKCS#12 file: " + e.getMessage(), e);
        }
    }

    /** The alias of the single private-key entry. */
    static String keyAlias(KeyStore store, String what) {
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return alias;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new PkiException(what + " cannot be read: " + e.getMessage(), e);
        }
        throw new PkiException(what + " holds no private key");
    }
}
