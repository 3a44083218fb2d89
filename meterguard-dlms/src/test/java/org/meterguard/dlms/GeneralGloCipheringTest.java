package org.meterguard.dlms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneralGloCipheringTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final SystemTitle TITLE = SystemTitle.parse("4D4D4D0000BC614E");
    private static final byte[] CONTENT = HEX.parseHex("3001234567411312FF935A47566827C467BC7D825C3BE4A77C3FCC056B6B");

    @Test
    void encodesTagTitleLengthAndContent() {
        assertThat(HEX.formatHex(GeneralGloCiphering.encode(TITLE, CONTENT)))
                .isEqualTo("DB084D4D4D0000BC614E1E" + HEX.formatHex(CONTENT));
    }

    @Test
    void writesTheHeaderAloneForContentThatFollowsIt() {
        assertThat(HEX.formatHex(GeneralGloCiphering.header(TITLE, CONTENT.length)))
                .isEqualTo("DB084D4D4D0000BC614E1E");
        assertThat(HEX.formatHex(GeneralGloCiphering.header(TITLE, 200))).isEqualTo("DB084D4D4D0000BC614E81C8");
        assertThat(HEX.formatHex(GeneralGloCiphering.header(TITLE, 2562))).isEqualTo("DB084D4D4D0000BC614E820A02");
    }

    @Test
    void roundTripsShortAndLongContent() {
        for (int length : new int[] {0, 30, 127, 128, 255, 256, 4096}) {
            byte[] content = new byte[length];
            Arrays.fill(content, (byte) length);
            GeneralGloCiphering apdu = GeneralGloCiphering.decode(GeneralGloCiphering.encode(TITLE, content));
            assertThat(apdu.systemTitle()).isEqualTo(TITLE);
            assertThat(apdu.securedContent()).as("length %d", length).isEqualTo(content);
        }
    }

    @Test
    void raisesOnlyMalformedApduWhenTruncatedAtEveryOffset() {
        byte[] apdu = GeneralGloCiphering.encode(TITLE, new byte[300]);
        for (int length = 0; length < apdu.length; length++) {
            byte[] truncated = Arrays.copyOf(apdu, length);
            assertThat(catchThrowable(() -> GeneralGloCiphering.decode(truncated)))
                    .as("length %d", length)
                    .isExactlyInstanceOf(MalformedApdu.class);
        }
    }

    @Test
    void rejectsAnotherTag() {
        byte[] apdu = GeneralGloCiphering.encode(TITLE, CONTENT);
        apdu[0] = (byte) 0xDC;

        assertThatThrownBy(() -> GeneralGloCiphering.decode(apdu))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("0xDC")
                .hasMessageContaining("offset 0");
    }

    @Test
    void rejectsSystemTitleLengthOtherThanEight() {
        byte[] apdu = GeneralGloCiphering.encode(TITLE, CONTENT);
        apdu[1] = 7;

        assertThatThrownBy(() -> GeneralGloCiphering.decode(apdu))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("system title length 7")
                .hasMessageContaining("offset 1");
    }

    @Test
    void rejectsContentLengthThatDisagreesWithTheBytesPresent() {
        byte[] longer = GeneralGloCiphering.encode(TITLE, CONTENT);
        longer[10] = 0x1F;
        byte[] extra = Arrays.copyOf(GeneralGloCiphering.encode(TITLE, CONTENT), 42);

        assertThatThrownBy(() -> GeneralGloCiphering.decode(longer))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("length 31 but 30 bytes follow");
        assertThatThrownBy(() -> GeneralGloCiphering.decode(extra)).hasMessageContaining("length 30 but 31");
    }

    @Test
    void rejectsAHostileLengthWithoutAllocatingIt() {
        byte[] apdu = HEX.parseHex("DB084D4D4D0000BC614E82FFFF30");

        assertThatThrownBy(() -> GeneralGloCiphering.decode(apdu))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("65535");
    }

    @Test
    void locatesThePartsOfAnApduInsideALargerArrayWithTheChecksOfDecode() {
        for (int length : new int[] {0, 30, 127, 128, 255, 256, 4096}) {
            byte[] content = new byte[length];
            Arrays.fill(content, (byte) length);
            byte[] apdu = GeneralGloCiphering.encode(TITLE, content);
            byte[] bytes = new byte[3 + apdu.length + 2];
            System.arraycopy(apdu, 0, bytes, 3, apdu.length);

            GeneralGloCiphering.Located located = GeneralGloCiphering.locate(bytes, 3, apdu.length);

            assertThat(located.systemTitle()).isEqualTo(TITLE);
            assertThat(located.contentLength()).isEqualTo(length);
            assertThat(Arrays.copyOfRange(bytes, located.contentOffset(), located.contentOffset() + length))
                    .isEqualTo(content);
            for (int cut = 0; cut < Math.min(apdu.length, 20); cut++) {
                byte[] truncated = Arrays.copyOf(apdu, cut);
                int n = cut;
                assertThat(catchThrowable(() -> GeneralGloCiphering.locate(bytes, 3, n)))
                        .as("length %d of %d", cut, apdu.length)
                        .isExactlyInstanceOf(MalformedApdu.class)
                        .hasMessage(catchThrowable(() -> GeneralGloCiphering.decode(truncated))
                                .getMessage());
            }
        }
        byte[] apdu = GeneralGloCiphering.encode(TITLE, CONTENT);
        apdu[1] = 7;
        byte[] shifted = new byte[apdu.length + 4];
        System.arraycopy(apdu, 0, shifted, 4, apdu.length);
        assertThatThrownBy(() -> GeneralGloCiphering.locate(shifted, 4, apdu.length))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("offset 1")
                .hasMessageContaining("system title length 7");
        assertThatThrownBy(() -> GeneralGloCiphering.locate(shifted, 5, apdu.length))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void copiesSecuredContentOut() {
        GeneralGloCiphering apdu = GeneralGloCiphering.decode(GeneralGloCiphering.encode(TITLE, CONTENT));
        apdu.securedContent()[0] = 0;

        assertThat(apdu.securedContent()).isEqualTo(CONTENT);
        assertThat(apdu).hasToString("GeneralGloCiphering[4D4D4D0000BC614E, 30 bytes]");
    }

    @Test
    void carriesACipheredDataNotificationThroughTheWrapperAndBack() {
        CipheringKeys keys = CipheringKeys.generate(new java.security.SecureRandom());
        DataNotification sent = new DataNotification(
                1, CosemDateTime.ofUtc(Instant.parse("2024-05-01T00:00:00Z")), new DataValue.NullData());
        InvocationCounter ic = new InvocationCounter(42);
        byte[] secured =
                SecuritySuite0.protect(SecurityControl.AUTHENTICATED_AND_ENCRYPTED, TITLE, ic, keys, sent.encode());
        byte[] wire = new WrapperFrame(1, 1, GeneralGloCiphering.encode(TITLE, secured)).encode();

        List<WrapperFrame> frames = new WrapperStreamDecoder(4096).feed(wire, 0, wire.length);
        GeneralGloCiphering apdu = GeneralGloCiphering.decode(frames.get(0).payload());
        assertThat(SecuritySuite0.peekInvocationCounter(apdu.securedContent())).isEqualTo(ic);
        byte[] plaintext = SecuritySuite0.unprotect(apdu.systemTitle(), keys, apdu.securedContent())
                .plaintext();

        assertThat(frames).hasSize(1);
        assertThat(DataNotification.decode(plaintext)).isEqualTo(sent);
    }
}
