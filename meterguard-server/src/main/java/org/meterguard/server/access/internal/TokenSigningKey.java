package org.meterguard.server.access.internal;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.UUID;
import org.meterguard.server.keys.KeyEncryptionKey;
import org.meterguard.server.keys.WrappedKey;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The authorization server's RSA token-signing key: created on first start, its private part stored only wrapped
 * under the key-encryption key, so tokens stay valid across restarts and no plaintext key reaches the database.
 */
final class TokenSigningKey {
    private TokenSigningKey() {}

    static JWKSource<SecurityContext> loadOrCreate(JdbcClient jdbc, KeyEncryptionKey kek) {
        RSAKey key = jdbc.sql(
                        "SELECT key_id, public_key, kek_id, wrapped FROM token_signing_key ORDER BY created_at DESC LIMIT 1")
                .query((rs, n) -> open(
                        kek,
                        rs.getString("key_id"),
                        rs.getBytes("public_key"),
                        new WrappedKey(rs.getString("kek_id"), rs.getBytes("wrapped"))))
                .optional()
                .orElseGet(() -> create(jdbc, kek));
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    private static RSAKey create(JdbcClient jdbc, KeyEncryptionKey kek) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072);
            KeyPair pair = generator.generateKeyPair();
            String keyId = UUID.randomUUID().toString();
            byte[] privateBytes = pair.getPrivate().getEncoded();
            try {
                WrappedKey wrapped = kek.wrap(privateBytes, owner(keyId));
                jdbc.sql("INSERT INTO token_signing_key (key_id, public_key, kek_id, wrapped) VALUES (?, ?, ?, ?)")
                        .params(keyId, pair.getPublic().getEncoded(), wrapped.kekId(), wrapped.blob())
                        .update();
            } finally {
                Arrays.fill(privateBytes, (byte) 0);
            }
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(keyId)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not create the token-signing key", e);
        }
    }

    private static RSAKey open(KeyEncryptionKey kek, String keyId, byte[] publicKey, WrappedKey wrapped) {
        byte[] privateBytes = kek.unwrap(wrapped, owner(keyId));
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            return new RSAKey.Builder((RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(publicKey)))
                    .privateKey((RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(privateBytes)))
                    .keyID(keyId)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the token-signing key " + keyId + " does not load", e);
        } finally {
            Arrays.fill(privateBytes, (byte) 0);
        }
    }

    private static String owner(String keyId) {
        return "token-signing:" + keyId;
    }
}
