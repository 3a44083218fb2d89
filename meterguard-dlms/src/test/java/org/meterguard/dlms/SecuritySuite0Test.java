package org.meterguard.dlms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Green Book security suite 0 vectors (see /work/shared/data/dlms/ciphering-vectors.md) and tamper resistance. */
class SecuritySuite0Test {
    private static final HexFormat HEX = HexFormat.of();

    private static final SystemTitle SERVER = SystemTitle.parse("4D4D4D0000BC614E");
    private static final InvocationCounter IC = new InvocationCounter(0x01234567L);
    private static final byte[] EK = hex("000102030405060708090A0B0C0D0E0F");
    private static final byte[] AK = hex("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");
    private static final CipheringKeys KEYS = CipheringKeys.of(EK, AK);

    private static final byte[] INITIATE_REQUEST =
            hex("01011000112233445566778899AABBCCDDEEFF0000065F1F0400007E1F04B0");
    private static final byte[] INITIATE_CIPHERTEXT_AND_TAG =
            hex("801302FF8A7874133D414CED25B42534D28DB0047720606B175BD52211BE6841DB204D39EE6FDB8E356855");
    private static final byte[] GLO_INITIATE_REQUEST = hex("2130300123456780"
            + "1302FF8A7874133D414CED25B42534D28DB0047720606B175BD52211BE6841DB204D39EE6FDB8E356855");

    private static final byte[] GET_REQUEST = hex("C0010000080000010000FF0200");
    private static final byte[] GLO_GET_AUTH_ENC =
            hex("C81E3001234567411312FF935A47566827C467BC7D825C3BE4A77C3FCC056B6B");
    private static final byte[] GLO_GET_ENC_ONLY = hex("C8122001234567411312FF935A47566827C467BC");
    private static final byte[] GLO_GET_AUTH_ONLY =
            hex("C81E1001234567C0010000080000010000FF020006725D910F9221D263877516");

    private static byte[] hex(String text) {
        return HEX.parseHex(text);
    }

    private static byte[] secured(byte sc, byte[] body) {
        byte[] out = new byte[5 + body.length];
        out[0] = sc;
        System.arraycopy(IC.toBytes(), 0, out, 1, 4);
        System.arraycopy(body, 0, out, 5, body.length);
        return out;
    }

    /** Prefixes an xDLMS glo tag and one-byte length, as the vectors show them. */
    private static byte[] glo(int tag, byte[] securedContent) {
        byte[] out = new byte[2 + securedContent.length];
        out[0] = (byte) tag;
        out[1] = (byte) securedContent.length;
        System.arraycopy(securedContent, 0, out, 2, securedContent.length);
        return out;
    }

    @Test
    void encryptsAndAuthenticatesInitiateRequestExactlyAsVector1() {
        byte[] content =
                SecuritySuite0.protect(SecurityControl.AUTHENTICATED_AND_ENCRYPTED, SERVER, IC, KEYS, INITIATE_REQUEST);

        assertThat(content).isEqualTo(secured((byte) 0x30, INITIATE_CIPHERTEXT_AND_TAG));
        assertThat(glo(0x21, content)).isEqualTo(GLO_INITIATE_REQUEST);
    }

    @Test
    void decryptsVector1ToTheInitiateRequest() {
        SecuritySuite0.Unprotected result =
                SecuritySuite0.unprotect(SERVER, KEYS, secured((byte) 0x30, INITIATE_CIPHERTEXT_AND_TAG));

        assertThat(result.plaintext()).isEqualTo(INITIATE_REQUEST);
        assertThat(result.securityControl()).isEqualTo(SecurityControl.AUTHENTICATED_AND_ENCRYPTED);
        assertThat(result.invocationCounter()).isEqualTo(IC);
        assertThat(result.toString()).doesNotContain("0101").contains("31 plaintext bytes");
    }

    @Test
    void protectsGetRequestAtAllThreeLevelsExactlyAsVector3() {
        assertThat(glo(0xC8, protect(SecurityControl.AUTHENTICATED_AND_ENCRYPTED, GET_REQUEST)))
                .isEqualTo(GLO_GET_AUTH_ENC);
        assertThat(glo(0xC8, protect(SecurityControl.ENCRYPTED_ONLY, GET_REQUEST)))
                .isEqualTo(GLO_GET_ENC_ONLY);
        assertThat(glo(0xC8, protect(SecurityControl.AUTHENTICATED_ONLY, GET_REQUEST)))
                .isEqualTo(GLO_GET_AUTH_ONLY);
    }

    private static byte[] protect(SecurityControl sc, byte[] plaintext) {
        return SecuritySuite0.protect(sc, SERVER, IC, KEYS, plaintext);
    }

    @Test
    void verifiesAuthenticatedOnlyGetRequestOfVector3() {
        byte[] content = Arrays.copyOfRange(GLO_GET_AUTH_ONLY, 2, GLO_GET_AUTH_ONLY.length);

        SecuritySuite0.Unprotected result = SecuritySuite0.unprotect(SERVER, KEYS, content);

        assertThat(result.plaintext()).isEqualTo(GET_REQUEST);
        assertThat(result.securityControl()).isEqualTo(SecurityControl.AUTHENTICATED_ONLY);
    }

    @Test
    void decryptsAuthenticatedAndEncryptedGetRequestOfVector3() {
        byte[] content = Arrays.copyOfRange(GLO_GET_AUTH_ENC, 2, GLO_GET_AUTH_ENC.length);

        assertThat(SecuritySuite0.unprotect(SERVER, KEYS, content).plaintext()).isEqualTo(GET_REQUEST);
    }

    @Test
    void refusesEncryptionOnlyContentBecauseItCarriesNoTag() {
        byte[] content = Arrays.copyOfRange(GLO_GET_ENC_ONLY, 2, GLO_GET_ENC_ONLY.length);

        assertThatThrownBy(() -> SecuritySuite0.unprotect(SERVER, KEYS, content))
                .isExactlyInstanceOf(DecryptionFailed.class)
                .hasMessage("frame failed authentication");
    }

    @Test
    void computesGmacOfHlsChallengeAsVector2() {
        byte[] tag = SecuritySuite0.gmac(SERVER, IC, KEYS, hex("4B35366956616759"));

        assertThat(tag).isEqualTo(hex("FE1466AFB3DBCD4F9389E2B7"));
        assertThat(SecuritySuite0.verifyGmac(SERVER, IC, KEYS, hex("4B35366956616759"), tag))
                .isTrue();
    }

    @Test
    void computesClientGmacOfServerChallengeAsVector4() {
        SystemTitle client = SystemTitle.parse("4D4D4D0000000001");
        InvocationCounter one = new InvocationCounter(1);
        byte[] stoc = hex("503677524A323146");

        assertThat(SecuritySuite0.iv(client, one)).isEqualTo(hex("4D4D4D000000000100000001"));
        assertThat(SecuritySuite0.gmac(client, one, KEYS, stoc)).isEqualTo(hex("1A52FE7DD3E72748973C1E28"));
    }

    @Test
    void rejectsGmacWhenAnyBitOfTheTagIsFlipped() {
        byte[] challenge = hex("4B35366956616759");
        byte[] tag = hex("FE1466AFB3DBCD4F9389E2B7");
        for (int bit = 0; bit < tag.length * 8; bit++) {
            byte[] bad = flip(tag, bit);
            assertThat(SecuritySuite0.verifyGmac(SERVER, IC, KEYS, challenge, bad))
                    .as("bit %d", bit)
                    .isFalse();
        }
    }

    @Test
    void buildsIvFromSystemTitleAndInvocationCounter() {
        assertThat(SecuritySuite0.iv(SERVER, IC)).isEqualTo(hex("4D4D4D0000BC614E01234567"));
    }

    @Test
    void rejectsVector1WhenAnyBitOfCiphertextTagSecurityControlOrCounterIsFlipped() {
        byte[] content = secured((byte) 0x30, INITIATE_CIPHERTEXT_AND_TAG);
        for (int bit = 0; bit < content.length * 8; bit++) {
            assertTamperedRefused(SERVER, KEYS, flip(content, bit), "content bit " + bit);
        }
    }

    @Test
    void rejectsAuthenticatedOnlyFrameWhenAnyBitIsFlipped() {
        byte[] content = Arrays.copyOfRange(GLO_GET_AUTH_ONLY, 2, GLO_GET_AUTH_ONLY.length);
        for (int bit = 0; bit < content.length * 8; bit++) {
            assertTamperedRefused(SERVER, KEYS, flip(content, bit), "content bit " + bit);
        }
    }

    @Test
    void rejectsVector1WhenAnyBitOfTheSystemTitleIsFlipped() {
        byte[] content = secured((byte) 0x30, INITIATE_CIPHERTEXT_AND_TAG);
        byte[] title = SERVER.toBytes();
        for (int bit = 0; bit < 64; bit++) {
            assertTamperedRefused(SystemTitle.of(flip(title, bit)), KEYS, content, "system title bit " + bit);
        }
    }

    @Test
    void rejectsVector1WhenAnyBitOfTheAuthenticationKeyIsFlipped() {
        byte[] content = secured((byte) 0x30, INITIATE_CIPHERTEXT_AND_TAG);
        for (int bit = 0; bit < 128; bit++) {
            CipheringKeys wrongAk = CipheringKeys.of(EK, flip(AK, bit));
            assertTamperedRefused(SERVER, wrongAk, content, "AK bit " + bit);
        }
    }

    @Test
    void rejectsVector1WhenAnyBitOfTheEncryptionKeyIsFlipped() {
        byte[] content = secured((byte) 0x30, INITIATE_CIPHERTEXT_AND_TAG);
        for (int bit = 0; bit < 128; bit++) {
            CipheringKeys wrongEk = CipheringKeys.of(flip(EK, bit), AK);
            assertTamperedRefused(SERVER, wrongEk, content, "EK bit " + bit);
        }
    }

    private static void assertTamperedRefused(SystemTitle st, CipheringKeys keys, byte[] content, String what) {
        Throwable thrown = catchThrowable(() -> SecuritySuite0.unprotect(st, keys, content));
        assertThat(thrown).as(what).isExactlyInstanceOf(DecryptionFailed.class);
        assertThat(thrown).as(what).hasMessage("frame failed authentication").hasNoCause();
    }

    private static byte[] flip(byte[] bytes, int bit) {
        byte[] copy = bytes.clone();
        copy[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
        return copy;
    }

    @Test
    void rejectsContentWhoseTagIsTruncated() {
        byte[] content = secured((byte) 0x30, Arrays.copyOf(INITIATE_CIPHERTEXT_AND_TAG, 11));
        for (int length = 5; length <= content.length; length++) {
            byte[] truncated = Arrays.copyOf(content, length);
            assertTamperedRefused(SERVER, KEYS, truncated, "length " + length);
        }
    }

    @Test
    void rejectsContentShorterThanTheHeaderAsMalformed() {
        assertThatThrownBy(() -> SecuritySuite0.unprotect(SERVER, KEYS, new byte[] {0x30, 1, 2}))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("3 bytes");
    }

    @Test
    void roundTripsEveryAuthenticatedLevelWithRandomKeys() {
        CipheringKeys keys = CipheringKeys.generate(new java.security.SecureRandom());
        byte[] plaintext = new byte[1024];
        new java.util.Random(7).nextBytes(plaintext);
        InvocationCounter ic = new InvocationCounter(0xFFFFFFFFL);
        for (SecurityControl sc :
                new SecurityControl[] {SecurityControl.AUTHENTICATED_AND_ENCRYPTED, SecurityControl.AUTHENTICATED_ONLY
                }) {
            byte[] content = SecuritySuite0.protect(sc, SERVER, ic, keys, plaintext);
            SecuritySuite0.Unprotected result = SecuritySuite0.unprotect(SERVER, keys, content);
            assertThat(result.plaintext()).isEqualTo(plaintext);
            assertThat(result.invocationCounter()).isEqualTo(ic);
            assertThat(content).hasSize(5 + plaintext.length + 12);
        }
    }

    @Test
    void protectsTheSameCounterTwiceOnOneThreadWhenAsked() {
        byte[] first = protect(SecurityControl.AUTHENTICATED_AND_ENCRYPTED, GET_REQUEST);
        byte[] second = protect(SecurityControl.AUTHENTICATED_AND_ENCRYPTED, GET_REQUEST);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void peeksCounterAndSecurityControlWithoutKeys() {
        byte[] content = secured((byte) 0x30, INITIATE_CIPHERTEXT_AND_TAG);

        assertThat(SecuritySuite0.peekInvocationCounter(content)).isEqualTo(IC);
        assertThat(SecuritySuite0.peekSecurityControl(content)).isEqualTo(SecurityControl.AUTHENTICATED_AND_ENCRYPTED);
    }

    @Test
    void peeksTheHeaderWhereTheContentLiesInALargerArray() {
        byte[] content = secured((byte) 0x30, INITIATE_CIPHERTEXT_AND_TAG);
        byte[] framed = new byte[7 + content.length + 2];
        Arrays.fill(framed, (byte) 0x31); // an unsupported control byte around it: must not be read
        System.arraycopy(content, 0, framed, 7, content.length);

        assertThat(SecuritySuite0.peekInvocationCounter(framed, 7, content.length))
                .isEqualTo(IC);
        assertThat(SecuritySuite0.peekSecurityControl(framed, 7, content.length))
                .isEqualTo(SecurityControl.AUTHENTICATED_AND_ENCRYPTED);
        assertThatThrownBy(() -> SecuritySuite0.peekInvocationCounter(framed, 7, 4))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("shorter than the 5-byte");
        assertThatThrownBy(() -> SecuritySuite0.peekSecurityControl(framed, framed.length - 3, 5))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void peekRejectsUnsupportedSecurityControl() {
        byte[] content = secured((byte) 0x31, INITIATE_CIPHERTEXT_AND_TAG);

        assertThatThrownBy(() -> SecuritySuite0.peekSecurityControl(content))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("0x31");
    }

    /** Decrypts with the in-place overload, {@code content} placed at offset 3 of a larger array. */
    private static byte[] unprotectInPlace(SystemTitle st, CipheringKeys keys, byte[] content, byte[] out, int at) {
        byte[] framed = new byte[3 + content.length + 4];
        Arrays.fill(framed, (byte) 0x77);
        System.arraycopy(content, 0, framed, 3, content.length);
        int length = SecuritySuite0.unprotect(st, keys, framed, 3, content.length, out, at);
        return Arrays.copyOfRange(out, at, at + length);
    }

    @Test
    void decryptsVectorsOneAndThreeIntoAGivenBufferWithoutTouchingTheRest() {
        byte[] out = new byte[64];
        Arrays.fill(out, (byte) 0x55);

        assertThat(unprotectInPlace(SERVER, KEYS, secured((byte) 0x30, INITIATE_CIPHERTEXT_AND_TAG), out, 7))
                .isEqualTo(INITIATE_REQUEST);
        assertThat(Arrays.copyOfRange(out, 0, 7)).containsOnly(0x55);
        assertThat(Arrays.copyOfRange(out, 7 + INITIATE_REQUEST.length, 64)).containsOnly(0x55);
        assertThat(SecuritySuite0.unprotect(SERVER, KEYS, GLO_GET_AUTH_ENC, 2, GLO_GET_AUTH_ENC.length - 2, out, 0))
                .isEqualTo(GET_REQUEST.length);
        assertThat(Arrays.copyOf(out, GET_REQUEST.length)).isEqualTo(GET_REQUEST);
        Arrays.fill(out, (byte) 0);
        assertThat(SecuritySuite0.unprotect(SERVER, KEYS, GLO_GET_AUTH_ONLY, 2, GLO_GET_AUTH_ONLY.length - 2, out, 1))
                .isEqualTo(GET_REQUEST.length);
        assertThat(Arrays.copyOfRange(out, 1, 1 + GET_REQUEST.length)).isEqualTo(GET_REQUEST);
        assertThatThrownBy(() -> SecuritySuite0.unprotect(
                        SERVER, KEYS, GLO_GET_ENC_ONLY, 2, GLO_GET_ENC_ONLY.length - 2, new byte[64], 0))
                .isExactlyInstanceOf(DecryptionFailed.class);
    }

    @Test
    void refusesEveryFlippedBitInPlaceAndLeavesNoPlaintextInTheBuffer() {
        java.util.List<byte[]> contents = java.util.List.of(
                secured((byte) 0x30, INITIATE_CIPHERTEXT_AND_TAG),
                Arrays.copyOfRange(GLO_GET_AUTH_ONLY, 2, GLO_GET_AUTH_ONLY.length));
        for (byte[] content : contents) {
            int plaintextLength = content.length - SecuritySuite0.HEADER_LENGTH - SecuritySuite0.TAG_LENGTH;
            for (int bit = 0; bit < content.length * 8; bit++) {
                byte[] out = new byte[plaintextLength + 2];
                Arrays.fill(out, (byte) 0x55);
                byte[] flipped = flip(content, bit);
                Throwable thrown = catchThrowable(() -> unprotectInPlace(SERVER, KEYS, flipped, out, 1));
                assertThat(thrown).as("bit %d", bit).isExactlyInstanceOf(DecryptionFailed.class);
                assertThat(Arrays.copyOfRange(out, 1, 1 + plaintextLength))
                        .as("bit %d", bit)
                        .containsOnly(0);
                assertThat(out[0]).isEqualTo((byte) 0x55);
                assertThat(out[plaintextLength + 1]).isEqualTo((byte) 0x55);
            }
        }
        byte[] content = secured((byte) 0x30, INITIATE_CIPHERTEXT_AND_TAG);
        for (int bit = 0; bit < 128; bit++) {
            CipheringKeys wrongEk = CipheringKeys.of(flip(EK, bit), AK);
            CipheringKeys wrongAk = CipheringKeys.of(EK, flip(AK, bit));
            for (CipheringKeys keys : java.util.List.of(wrongEk, wrongAk)) {
                assertThat(catchThrowable(() -> unprotectInPlace(SERVER, keys, content, new byte[64], 0)))
                        .as("key bit %d", bit)
                        .isExactlyInstanceOf(DecryptionFailed.class)
                        .hasMessage("frame failed authentication");
            }
        }
    }

    @Test
    void refusesAnOutputThatCannotHoldThePlaintextOrIsTheInput() {
        byte[] content = secured((byte) 0x30, INITIATE_CIPHERTEXT_AND_TAG);

        assertThatThrownBy(() -> SecuritySuite0.unprotect(SERVER, KEYS, content, 0, content.length, new byte[30], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("31 bytes does not fit at offset 0 of an output of 30 bytes");
        assertThatThrownBy(() -> SecuritySuite0.unprotect(SERVER, KEYS, content, 0, content.length, new byte[40], 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecuritySuite0.unprotect(SERVER, KEYS, content, 0, content.length, content, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another array");
        assertThatThrownBy(() -> SecuritySuite0.unprotect(SERVER, KEYS, content, 1, content.length, new byte[64], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> SecuritySuite0.unprotect(SERVER, KEYS, content, 0, 3, new byte[64], 0))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("3 bytes");
    }

    @Test
    void protectsIntoALargerArrayAtAnOffsetExactlyAsTheVectorsLeavingTheRestAlone() {
        for (SecurityControl sc : SecurityControl.values()) {
            byte[] alone = protect(sc, GET_REQUEST);
            assertThat(SecuritySuite0.protectedLength(sc, GET_REQUEST.length)).isEqualTo(alone.length);
            byte[] frame = new byte[7 + alone.length + 3];
            Arrays.fill(frame, (byte) 0x5A);

            SecuritySuite0.protect(sc, SERVER, IC, KEYS, GET_REQUEST, frame, 7);

            assertThat(Arrays.copyOfRange(frame, 7, 7 + alone.length))
                    .as("%s", sc)
                    .isEqualTo(alone);
            assertThat(Arrays.copyOfRange(frame, 0, 7)).containsOnly(0x5A);
            assertThat(Arrays.copyOfRange(frame, 7 + alone.length, frame.length))
                    .containsOnly(0x5A);
        }
        // The vector itself, written behind its glo tag and length.
        byte[] frame = new byte[GLO_GET_AUTH_ENC.length];
        SecuritySuite0.protect(SecurityControl.AUTHENTICATED_AND_ENCRYPTED, SERVER, IC, KEYS, GET_REQUEST, frame, 2);
        frame[0] = (byte) 0xC8;
        frame[1] = (byte) (frame.length - 2);
        assertThat(frame).isEqualTo(GLO_GET_AUTH_ENC);
    }

    @Test
    void refusesToProtectIntoAnArrayTooShortForTheContent() {
        byte[] frame = new byte[SecuritySuite0.protectedLength(SecurityControl.AUTHENTICATED_AND_ENCRYPTED, 13) + 1];

        assertThatThrownBy(() -> SecuritySuite0.protect(
                        SecurityControl.AUTHENTICATED_AND_ENCRYPTED, SERVER, IC, KEYS, GET_REQUEST, frame, 2))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
