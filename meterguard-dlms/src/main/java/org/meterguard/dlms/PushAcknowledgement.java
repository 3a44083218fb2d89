package org.meterguard.dlms;

import java.nio.ByteBuffer;

/**
 * Meterguard's acknowledgement of a pushed frame, sent back over the same wrapper connection. DLMS pushes are
 * unconfirmed, so a sender cannot otherwise know that a frame was durably stored; this says so, per frame,
 * naming the frame by the system title and invocation counter from its clear-text security header. Every
 * refusal looks the same from outside ({@link Status#REJECTED}): the reason stays in the head-end's records.
 *
 * <pre>
 *  0      2      3      4                  12          16
 *  +------+------+------+------------------+-----------+
 *  | 'MG' | ver  |status| system title (8) |  IC (4)   |
 *  +------+------+------+------------------+-----------+
 * </pre>
 *
 * @param status accepted and stored, or rejected
 * @param systemTitle the frame's system title
 * @param invocationCounter the frame's invocation counter
 */
public record PushAcknowledgement(Status status, SystemTitle systemTitle, InvocationCounter invocationCounter) {
    /** Encoded length in bytes. */
    public static final int LENGTH = 16;

    private static final short MAGIC = 0x4D47;
    private static final byte VERSION = 1;

    /** The outcome of one frame. */
    public enum Status {
        /** Verified, decrypted and durably stored. */
        ACCEPTED,
        /** Refused; nothing from the frame was stored. */
        REJECTED,
        /**
         * This exact frame (same system title, counter and bytes) was stored before; nothing was stored now. A
         * collector that retransmits a frame whose first acknowledgement it lost receives this and may forget it.
         */
        DUPLICATE
    }

    public PushAcknowledgement {
        java.util.Objects.requireNonNull(status, "status");
        java.util.Objects.requireNonNull(systemTitle, "systemTitle");
        java.util.Objects.requireNonNull(invocationCounter, "invocationCounter");
    }

    /** The 16-byte form. */
    public byte[] encode() {
        return ByteBuffer.allocate(LENGTH)
                .putShort(MAGIC)
                .put(VERSION)
                .put((byte) status.ordinal())
                .putLong(systemTitle.value())
                .putInt((int) invocationCounter.value())
                .array();
    }

    /** Reads the 16-byte form; anything else is a {@link MalformedApdu}. */
    public static PushAcknowledgement decode(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new MalformedApdu("acknowledgement of " + bytes.length + " bytes; expected " + LENGTH);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        short magic = in.getShort();
        byte version = in.get();
        int status = in.get();
        if (magic != MAGIC || version != VERSION || status < 0 || status >= Status.values().length) {
            throw new MalformedApdu("not a Meterguard acknowledgement (magic " + Integer.toHexString(magic & 0xFFFF)
                    + ", version " + version + ", status " + status + ")");
        }
        return new PushAcknowledgement(
                Status.values()[status],
                new SystemTitle(in.getLong()),
                new InvocationCounter(Integer.toUnsignedLong(in.getInt())));
    }
}
