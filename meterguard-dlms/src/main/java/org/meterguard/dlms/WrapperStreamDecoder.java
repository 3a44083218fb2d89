package org.meterguard.dlms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a TCP byte stream into IEC 62056-47 {@link WrapperFrame}s, whatever the chunking: a frame may arrive split
 * over several chunks and a chunk may hold several frames. The header is validated as soon as its 8 bytes are in; a
 * payload buffer is allocated only after its length has been checked against {@code maxPayload}. After a
 * {@link MalformedFrame} the stream cannot be resynchronised: the decoder refuses further input and the caller must
 * close the connection. One instance per connection; not thread-safe.
 */
public final class WrapperStreamDecoder {
    private final int maxPayload;
    private final byte[] header = new byte[WrapperDescriptor.HEADER_LENGTH];
    private int headerFilled;
    private byte[] payload;
    private int payloadFilled;
    private boolean failed;

    /**
     * @param maxPayload largest accepted APDU length, 0..65535
     */
    public WrapperStreamDecoder(int maxPayload) {
        WrapperDescriptor.maxFrameLength(maxPayload);
        this.maxPayload = maxPayload;
    }

    /**
     * Consumes {@code chunk[off, off + len)} and returns the frames completed by it, in order (possibly none).
     *
     * @throws MalformedFrame on a version other than 0x0001 or a length above {@code maxPayload}; every later call then
     *     fails too
     */
    public List<WrapperFrame> feed(byte[] chunk, int off, int len) {
        Objects.checkFromIndexSize(off, len, chunk.length);
        if (failed) {
            throw new MalformedFrame("wrapper stream already failed; close the connection");
        }
        List<WrapperFrame> frames = new ArrayList<>(2);
        int pos = off;
        int end = off + len;
        while (pos < end) {
            if (payload == null) {
                int n = Math.min(header.length - headerFilled, end - pos);
                System.arraycopy(chunk, pos, header, headerFilled, n);
                headerFilled += n;
                pos += n;
                if (headerFilled == header.length) {
                    startPayload();
                }
            } else {
                int n = Math.min(payload.length - payloadFilled, end - pos);
                System.arraycopy(chunk, pos, payload, payloadFilled, n);
                payloadFilled += n;
                pos += n;
            }
            if (payload != null && payloadFilled == payload.length) {
                frames.add(WrapperFrame.owning(
                        uint16(WrapperDescriptor.SOURCE_OFFSET),
                        uint16(WrapperDescriptor.DESTINATION_OFFSET),
                        payload));
                payload = null;
                headerFilled = 0;
            }
        }
        return frames;
    }

    /** Whether a frame is partially received (bytes are buffered). */
    public boolean hasPartialFrame() {
        return headerFilled > 0;
    }

    private void startPayload() {
        try {
            WrapperFrame.checkVersion(uint16(WrapperDescriptor.VERSION_OFFSET));
            int length = uint16(WrapperDescriptor.LENGTH_FIELD_OFFSET);
            if (length > maxPayload) {
                throw new MalformedFrame("wrapper length " + length + " exceeds the maximum payload " + maxPayload);
            }
            payload = new byte[length];
            payloadFilled = 0;
        } catch (MalformedFrame e) {
            failed = true;
            throw e;
        }
    }

    private int uint16(int offset) {
        return ((header[offset] & 0xFF) << 8) | (header[offset + 1] & 0xFF);
    }
}
