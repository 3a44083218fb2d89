package org.meterguard.dlms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class WrapperStreamDecoderTest {
    private static final WrapperFrame FIRST = new WrapperFrame(1, 16, new byte[] {0x0F, 1, 2, 3});
    private static final WrapperFrame EMPTY = new WrapperFrame(2, 17, new byte[0]);
    private static final WrapperFrame THIRD = new WrapperFrame(0xFFFF, 1, new byte[300]);

    private static byte[] stream(WrapperFrame... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (WrapperFrame frame : frames) {
            out.writeBytes(frame.encode());
        }
        return out.toByteArray();
    }

    @Test
    void decodesSeveralFramesConcatenatedInOneChunk() {
        byte[] bytes = stream(FIRST, EMPTY, THIRD);

        List<WrapperFrame> frames = new WrapperStreamDecoder(1024).feed(bytes, 0, bytes.length);

        assertThat(frames).containsExactly(FIRST, EMPTY, THIRD);
    }

    @Test
    void decodesFramesSplitAtEveryByteBoundary() {
        byte[] bytes = stream(FIRST, EMPTY, THIRD);
        for (int split = 0; split <= bytes.length; split++) {
            WrapperStreamDecoder decoder = new WrapperStreamDecoder(1024);
            List<WrapperFrame> frames = new ArrayList<>(decoder.feed(bytes, 0, split));
            frames.addAll(decoder.feed(bytes, split, bytes.length - split));
            assertThat(frames).as("split at %d", split).containsExactly(FIRST, EMPTY, THIRD);
            assertThat(decoder.hasPartialFrame()).isFalse();
        }
    }

    @Test
    void decodesAStreamFedOneByteAtATime() {
        byte[] bytes = stream(FIRST, EMPTY, THIRD, FIRST);
        WrapperStreamDecoder decoder = new WrapperStreamDecoder(1024);
        List<WrapperFrame> frames = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            frames.addAll(decoder.feed(bytes, i, 1));
            if (i == 5) {
                assertThat(decoder.hasPartialFrame()).isTrue();
            }
        }

        assertThat(frames).containsExactly(FIRST, EMPTY, THIRD, FIRST);
    }

    @Test
    void rejectsABadVersionAndStaysFailed() {
        byte[] bytes = HexFormat.of().parseHex("000200010001000100");
        WrapperStreamDecoder decoder = new WrapperStreamDecoder(1024);

        assertThatThrownBy(() -> decoder.feed(bytes, 0, bytes.length))
                .isExactlyInstanceOf(MalformedFrame.class)
                .hasMessageContaining("version 0x0002");
        byte[] good = FIRST.encode();
        assertThatThrownBy(() -> decoder.feed(good, 0, good.length)).isExactlyInstanceOf(MalformedFrame.class);
    }

    @Test
    void rejectsALengthAboveTheMaximumAsSoonAsTheHeaderIsIn() {
        byte[] header = HexFormat.of().parseHex("000100010001FFFF");
        WrapperStreamDecoder decoder = new WrapperStreamDecoder(4096);

        assertThat(decoder.feed(header, 0, 7)).isEmpty();
        assertThatThrownBy(() -> decoder.feed(header, 7, 1))
                .isExactlyInstanceOf(MalformedFrame.class)
                .hasMessageContaining("65535")
                .hasMessageContaining("4096");
    }

    @Test
    void acceptsAPayloadOfExactlyTheMaximum() {
        WrapperFrame frame = new WrapperFrame(1, 1, new byte[300]);
        byte[] bytes = frame.encode();

        assertThat(new WrapperStreamDecoder(300).feed(bytes, 0, bytes.length)).containsExactly(frame);
        assertThatThrownBy(() -> new WrapperStreamDecoder(299).feed(bytes, 0, bytes.length))
                .isExactlyInstanceOf(MalformedFrame.class)
                .hasMessageContaining("300");
    }

    @Test
    void checksChunkBounds() {
        WrapperStreamDecoder decoder = new WrapperStreamDecoder(10);

        assertThatThrownBy(() -> decoder.feed(new byte[4], 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new WrapperStreamDecoder(70_000)).hasMessageContaining("70000");
    }
}
