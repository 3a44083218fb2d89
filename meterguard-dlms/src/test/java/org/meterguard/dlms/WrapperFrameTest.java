package org.meterguard.dlms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class WrapperFrameTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @Test
    void encodesVersionPortsLengthAndPayload() {
        WrapperFrame frame = new WrapperFrame(0x0001, 0x0010, new byte[] {(byte) 0xDB, 0x08});

        assertThat(HEX.formatHex(frame.encode())).isEqualTo("0001000100100002DB08");
    }

    @Test
    void decodesAWholeFrameFromALengthFieldDecoder() {
        WrapperFrame frame = WrapperFrame.decode(HEX.parseHex("0001FFFE00100002DB08"));

        assertThat(frame.source()).isEqualTo(0xFFFE);
        assertThat(frame.destination()).isEqualTo(0x10);
        assertThat(frame.payload()).containsExactly(0xDB, 0x08);
        assertThat(frame.payloadLength()).isEqualTo(2);
    }

    @Test
    void rejectsAWholeFrameWithBadVersionShortHeaderOrWrongLength() {
        assertThatThrownBy(() -> WrapperFrame.decode(HEX.parseHex("0000000100100000")))
                .isExactlyInstanceOf(MalformedFrame.class)
                .hasMessageContaining("0x0000");
        assertThatThrownBy(() -> WrapperFrame.decode(HEX.parseHex("00010001"))).hasMessageContaining("4 bytes");
        assertThatThrownBy(() -> WrapperFrame.decode(HEX.parseHex("0001000100100003DB08")))
                .hasMessageContaining("length 3 but 2");
    }

    @Test
    void checksAWholeFrameInPlaceAsDecodeDoes() {
        assertThat(WrapperFrame.payloadLength(HEX.parseHex("0001FFFE00100002DB08")))
                .isEqualTo(2);
        assertThat(WrapperFrame.payloadLength(HEX.parseHex("0001000100010000"))).isZero();
        assertThatThrownBy(() -> WrapperFrame.payloadLength(HEX.parseHex("0002000100100000")))
                .isExactlyInstanceOf(MalformedFrame.class)
                .hasMessageContaining("0x0002");
        assertThatThrownBy(() -> WrapperFrame.payloadLength(HEX.parseHex("0001000100")))
                .isExactlyInstanceOf(MalformedFrame.class)
                .hasMessageContaining("5 bytes");
        assertThatThrownBy(() -> WrapperFrame.payloadLength(HEX.parseHex("0001000100100001DB08")))
                .isExactlyInstanceOf(MalformedFrame.class)
                .hasMessageContaining("length 1 but 2");
    }

    @Test
    void copiesThePayloadAndShowsOnlyItsLength() {
        byte[] payload = {1, 2, 3};
        WrapperFrame frame = new WrapperFrame(1, 2, payload);
        payload[0] = 9;
        frame.payload()[1] = 9;

        assertThat(frame.payload()).containsExactly(1, 2, 3);
        assertThat(frame).hasToString("WrapperFrame[1 -> 2, 3 bytes]");
    }

    @Test
    void makesRoomForAPayloadBehindAWrittenHeader() {
        byte[] room = WrapperFrame.withRoomFor(1, 2, 3);
        System.arraycopy(new byte[] {7, 8, 9}, 0, room, WrapperDescriptor.HEADER_LENGTH, 3);

        assertThat(room).isEqualTo(new WrapperFrame(1, 2, new byte[] {7, 8, 9}).encode());
        assertThat(WrapperFrame.decode(room).payload()).containsExactly(7, 8, 9);
        assertThatThrownBy(() -> WrapperFrame.withRoomFor(1, 2, 65_536)).hasMessageContaining("65536");
        assertThatThrownBy(() -> WrapperFrame.withRoomFor(1, 65_536, 0)).hasMessageContaining("destination wPort");
    }

    @Test
    void rejectsPortsOutsideSixteenBits() {
        assertThatThrownBy(() -> new WrapperFrame(65_536, 1, new byte[0])).hasMessageContaining("source wPort 65536");
        assertThatThrownBy(() -> new WrapperFrame(1, -1, new byte[0])).hasMessageContaining("destination wPort -1");
    }

    @Test
    void describesTheHeaderForLengthFieldFrameDecoders() {
        assertThat(WrapperDescriptor.HEADER_LENGTH).isEqualTo(8);
        assertThat(WrapperDescriptor.LENGTH_FIELD_OFFSET + WrapperDescriptor.LENGTH_FIELD_LENGTH)
                .isEqualTo(WrapperDescriptor.HEADER_LENGTH);
        assertThat(WrapperDescriptor.maxFrameLength(4096)).isEqualTo(4104);
        byte[] encoded = new WrapperFrame(3, 4, new byte[5]).encode();
        int lengthField = ((encoded[WrapperDescriptor.LENGTH_FIELD_OFFSET] & 0xFF) << 8)
                | (encoded[WrapperDescriptor.LENGTH_FIELD_OFFSET + 1] & 0xFF);
        assertThat(lengthField + WrapperDescriptor.LENGTH_ADJUSTMENT + WrapperDescriptor.HEADER_LENGTH)
                .isEqualTo(encoded.length);
    }
}
