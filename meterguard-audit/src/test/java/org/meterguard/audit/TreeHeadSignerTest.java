package org.meterguard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Signed tree heads: the RFC 6962 signed bytes, Ed25519 both ways with the JDK, every alteration refused. */
class TreeHeadSignerTest {
    private static final Hash ROOT = Hash.fromHex(MerkleTreeVectorsTest.ROOTS.get(8));
    private static final Instant AT = Instant.parse("2026-11-23T09:00:00.123456Z");

    private final TreeHeadSigningKey key = AuditFixtures.key(1);
    private final TreeHeadSigner signer = new TreeHeadSigner(key);
    private final TreeHeadVerifier verifier = new TreeHeadVerifier(key.publicKey());

    @Test
    void signsTheRfc6962TreeHeadSignatureBytes() {
        SignedTreeHead head = signer.sign(8, ROOT, AT);

        byte[] expected = ByteBuffer.allocate(50)
                .put((byte) 0) // v1
                .put((byte) 1) // tree_hash
                .putLong(AT.toEpochMilli())
                .putLong(8)
                .put(ROOT.bytes())
                .array();
        assertThat(head.signedBytes()).isEqualTo(expected);
        assertThat(head.treeSize()).isEqualTo(8);
        assertThat(head.rootHash()).isEqualTo(ROOT);
        assertThat(head.timestamp()).isEqualTo(Instant.parse("2026-11-23T09:00:00.123Z"));
        assertThat(head.keyId()).isEqualTo(key.publicKey().keyId());
        assertThat(head.encoded()).hasSize(TreeHeadDescriptor.ENCODED_LENGTH);
        assertThat(verifier.verifies(head)).isTrue();
        assertThat(SignedTreeHead.decode(head.encoded())).isEqualTo(head);
    }

    @Test
    void theJdkVerifiesOurSignatureWithOurX509KeyAndTheKeyIdIsTheHashOfThatKey() throws Exception {
        SignedTreeHead head = signer.sign(3, ROOT, AT);
        PublicKey jdkKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(key.publicKey().x509()));
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(jdkKey);
        ed25519.update(head.signedBytes());

        assertThat(ed25519.verify(head.signature())).isTrue();
        assertThat(key.publicKey().keyId().bytes())
                .isEqualTo(MerkleHashing.sha256().digest(jdkKey.getEncoded()));
    }

    @Test
    void keysFromTheJdkSignHeadsThatVerify() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        TreeHeadSigningKey imported =
                TreeHeadSigningKey.fromPkcs8(pair.getPrivate().getEncoded());
        TreeHeadPublicKey importedPublic =
                TreeHeadPublicKey.fromX509(pair.getPublic().getEncoded());

        assertThat(imported.publicKey()).isEqualTo(importedPublic);
        SignedTreeHead head = new TreeHeadSigner(imported).sign(1, ROOT, AT);
        assertThat(new TreeHeadVerifier(importedPublic).verifies(head)).isTrue();
    }

    @Test
    void keysRoundTripThroughEveryEncoding() {
        SecretKeyAccess access = SecretKeyAccess.insecure();
        TreeHeadPublicKey pub = key.publicKey();

        assertThat(TreeHeadSigningKey.fromRawSeed(key.rawSeed(access))).isEqualTo(key);
        assertThat(TreeHeadSigningKey.fromPkcs8(key.pkcs8(access))).isEqualTo(key);
        assertThat(TreeHeadSigningKey.fromPem(key.pem(access))).isEqualTo(key);
        assertThat(TreeHeadPublicKey.fromRaw(pub.raw())).isEqualTo(pub);
        assertThat(TreeHeadPublicKey.fromX509(pub.x509())).isEqualTo(pub);
        assertThat(TreeHeadPublicKey.fromPem(pub.pem())).isEqualTo(pub);
        assertThat(pub.x509()).hasSize(44);
        for (byte[] file : new byte[][] {
            pub.raw(),
            pub.x509(),
            AuditFixtures.ascii(pub.pem()),
            AuditFixtures.ascii(HexFormat.of().formatHex(pub.raw()) + "\n")
        }) {
            assertThat(TreeHeadPublicKey.parse(file)).isEqualTo(pub);
        }
    }

    @Test
    void noStringShowsPrivateKeyMaterial() {
        SecretKeyAccess access = SecretKeyAccess.insecure();
        String seedHex = HexFormat.of().formatHex(key.rawSeed(access));
        String pkcs8Base64 = Base64.getEncoder().encodeToString(key.pkcs8(access));
        for (Object shown : new Object[] {key, signer, verifier, key.publicKey(), signer.sign(1, ROOT, AT)}) {
            assertThat(shown.toString())
                    .doesNotContainIgnoringCase(seedHex)
                    .doesNotContainIgnoringCase(seedHex.substring(0, 16))
                    .doesNotContain(pkcs8Base64.substring(20, 40));
        }
        assertThat(key.toString())
                .isEqualTo("TreeHeadSigningKey[keyId=" + key.publicKey().keyId() + "]");
    }

    @Test
    void refusesKeysOfTheWrongSizeOrKind() throws Exception {
        assertThatThrownBy(() -> TreeHeadSigningKey.fromRawSeed(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid Ed25519 private key length 31; only 32 bytes are valid");
        assertThatThrownBy(() -> TreeHeadPublicKey.fromRaw(new byte[33]))
                .hasMessage("invalid Ed25519 public key length 33; only 32 bytes are valid");
        KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
        assertThatThrownBy(() -> TreeHeadPublicKey.fromX509(ec.getPublic().getEncoded()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Ed25519 only");
        assertThatThrownBy(() -> TreeHeadSigningKey.fromPkcs8(ec.getPrivate().getEncoded()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Ed25519 only");
        assertThatThrownBy(() -> TreeHeadPublicKey.parse(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyFlippedBitOfAHeadFailsVerificationOrDecoding() {
        SignedTreeHead head = signer.sign(8, ROOT, AT);
        byte[] encoded = head.encoded();
        for (int i = 0; i < encoded.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] altered = encoded.clone();
                altered[i] ^= (byte) (1 << bit);
                boolean accepted;
                try {
                    accepted = verifier.verifies(SignedTreeHead.decode(altered));
                } catch (IllegalArgumentException e) {
                    accepted = false;
                }
                assertThat(accepted).as("byte %d bit %d", i, bit).isFalse();
            }
        }
    }

    @Test
    void aHeadOfAnotherKeyDoesNotVerifyAndSaysSo() {
        SignedTreeHead other = new TreeHeadSigner(TreeHeadSigningKey.generate(new SecureRandom())).sign(8, ROOT, AT);
        assertThat(verifier.namesThisKey(other)).isFalse();
        assertThat(verifier.verifies(other)).isFalse();
    }

    @Test
    void decodingNamesWhatIsWrong() {
        byte[] encoded = signer.sign(8, ROOT, AT).encoded();
        assertThatThrownBy(() -> SignedTreeHead.decode(new byte[145]))
                .hasMessage("invalid signed tree head length 145; only 146 bytes are valid");
        byte[] version = encoded.clone();
        version[0] = 1;
        assertThatThrownBy(() -> SignedTreeHead.decode(version)).hasMessageContaining("version 1");
        byte[] size = encoded.clone();
        size[10] = (byte) 0x80;
        assertThatThrownBy(() -> SignedTreeHead.decode(size)).hasMessageContaining("2^63");
        assertThatThrownBy(() -> signer.sign(-1, ROOT, AT)).hasMessage("tree size -1 is negative");
    }
}
