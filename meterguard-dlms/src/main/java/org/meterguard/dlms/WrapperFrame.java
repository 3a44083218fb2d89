package org.meterguard.dlms;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One IEC 62056-47 wrapper frame: source and destination wPort and the APDU it carries (layout in
 * {@link WrapperDescriptor}). Immutable; the payload is copied in and out and {@code toString} shows only its length.
 */
public final class WrapperFrame {
    private final int source;
    private final int destination;
    private final byte[] payload;

    /**
     * @param source source wPort, 0..65535
     * @param destination destination wPort, 0..65535
     * @param payload the APDU, at most 65535 bytes; copied
     */
    public WrapperFrame(int source, int destination, byte[] payload) {
        this(source, destination, Objects.requireNonNull(payload, "payload").clone(), true);
    }

    private WrapperFrame(int source, int destination, byte[] ownedPayload, boolean unused) {
        check(source, destination, ownedPayload.length);
        this.source = source;
        this.destination = destination;
        this.payload = ownedPayload;
    }

    /** A frame taking ownership of {@code payload} without copying (package-private). */
    static WrapperFrame owning(int source, int destination, byte[] payload) {
        return new WrapperFrame(source, destination, payload, true);
    }

    private static void checkPort(String name, int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException(name + " wPort " + port + " out of range 0..65535");
        }
    }

    /**
     * Decodes exactly one whole frame, header included (as delivered by a length-field frame decoder).
     *
     * @throws MalformedFrame on a bad version, a short header or a length that differs from the bytes present
     */
    public static WrapperFrame decode(byte[] frame) {
        int length = payloadLength(frame);
        ByteBuffer in = ByteBuffer.wrap(frame);
        int source = in.getShort(WrapperDescriptor.SOURCE_OFFSET) & 0xFFFF;
        int destination = in.getShort(WrapperDescriptor.DESTINATION_OFFSET) & 0xFFFF;
        byte[] payload = new byte[length];
        System.arraycopy(frame, WrapperDescriptor.HEADER_LENGTH, payload, 0, length);
        return owning(source, destination, payload);
    }

    /**
     * Checks the header of exactly one whole frame, as {@link #decode} does, and returns the length of its APDU, which
     * starts at {@link WrapperDescriptor#HEADER_LENGTH}: for a receiver that reads the APDU where it lies instead of
     * copying it out.
     *
     * @throws MalformedFrame on a bad version, a short header or a length that differs from the bytes present
     */
    public static int payloadLength(byte[] frame) {
        if (frame.length < WrapperDescriptor.HEADER_LENGTH) {
            throw new MalformedFrame("wrapper frame of " + frame.length + " bytes is shorter than the 8-byte header");
        }
        ByteBuffer in = ByteBuffer.wrap(frame);
        checkVersion(in.getShort(WrapperDescriptor.VERSION_OFFSET) & 0xFFFF);
        int length = in.getShort(WrapperDescriptor.LENGTH_FIELD_OFFSET) & 0xFFFF;
        int present = frame.length - WrapperDescriptor.HEADER_LENGTH;
        if (length != present) {
            throw new MalformedFrame("wrapper length " + length + " but " + present + " APDU bytes present");
        }
        return length;
    }

    static void checkVersion(int version) {
        if (version != WrapperDescriptor.VERSION) {
            throw new MalformedFrame("unsupported wrapper version " + Hex.shortHex(version) + "; expected 0x0001");
        }
    }

    /** Header followed by the payload. */
    public byte[] encode() {
        byte[] frame = headed(source, destination, payload.length);
        System.arraycopy(payload, 0, frame, WrapperDescriptor.HEADER_LENGTH, payload.length);
        return frame;
    }

    /**
     * A frame of {@code payloadLength} bytes from {@code source} to {@code destination} with only its header written,
     * for a sender that writes the payload into it from {@link WrapperDescriptor#HEADER_LENGTH} on.
     */
    public static byte[] withRoomFor(int source, int destination, int payloadLength) {
        check(source, destination, payloadLength);
        return headed(source, destination, payloadLength);
    }

    private static void check(int source, int destination, int payloadLength) {
        checkPort("source", source);
        checkPort("destination", destination);
        if (payloadLength < 0 || payloadLength > WrapperDescriptor.MAX_PAYLOAD) {
            throw new IllegalArgumentException("wrapper payload of " + payloadLength + " bytes exceeds 65535");
        }
    }

    private static byte[] headed(int source, int destination, int payloadLength) {
        return ByteBuffer.allocate(WrapperDescriptor.HEADER_LENGTH + payloadLength)
                .putShort((short) WrapperDescriptor.VERSION)
                .putShort((short) source)
                .putShort((short) destination)
                .putShort((short) payloadLength)
                .array();
    }

    public int source() {
        return source;
    }

    public int destination() {
        return destination;
    }

    /** A copy of the APDU. */
    public byte[] payload() {
        return payload.clone();
    }

    /** Number of APDU bytes. */
    public int payloadLength() {
        return payload.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WrapperFrame other
                && source == other.source
                && destination == other.destination
                && java.util.Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * source + destination) + java.util.Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "WrapperFrame[" + source + " -> " + destination + ", " + payload.length + " bytes]";
    }
}
