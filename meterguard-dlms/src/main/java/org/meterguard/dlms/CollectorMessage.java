package org.meterguard.dlms;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Objects;

/**
 * A collector's own message to the head-end (not a meter's): a heartbeat or an alarm of the pole-top device
 * itself. It travels in a wrapper frame addressed to {@link #HEAD_END_WPORT} from {@link #COLLECTOR_WPORT}, inside
 * the collector's mutually authenticated TLS connection, which is what identifies the collector; relayed meter
 * frames keep wPort 1 and their own end-to-end ciphering. The head-end acknowledges it with a
 * {@link PushAcknowledgement} naming system title 0 and the message's sequence number as the counter.
 *
 * <pre>
 *  0      2      3      4          8                 16        18                 22
 *  +------+------+------+----------+-----------------+---------+------------------+
 *  | 'MC' | ver  | kind | sequence | sent at (epoch  | alarm   | meters in range  |
 *  |      |  1   |      | (uint32) |  seconds, int64)| (uint16)|     (uint32)     |
 *  +------+------+------+----------+-----------------+---------+------------------+
 * </pre>
 *
 * @param kind heartbeat or alarm
 * @param sequence the collector's message number, 0..2^32-1, rising
 * @param sentAt when the collector sent it, whole seconds
 * @param alarm the alarm raised; {@link Alarm#NONE} for a heartbeat
 * @param metersInRange how many meters the collector currently hears
 */
public record CollectorMessage(Kind kind, long sequence, Instant sentAt, Alarm alarm, long metersInRange) {
    /** Encoded length in bytes. */
    public static final int LENGTH = 22;
    /** The wrapper port a collector sends its own messages from. */
    public static final int COLLECTOR_WPORT = 0x0100;
    /** The wrapper port of the head-end's collector-management endpoint. */
    public static final int HEAD_END_WPORT = 0x0100;

    private static final short MAGIC = 0x4D43;
    private static final byte VERSION = 1;

    /** What the message is. */
    public enum Kind {
        /** The collector is alive; sent on a schedule. */
        HEARTBEAT,
        /** The collector raises {@link CollectorMessage#alarm()}. */
        ALARM
    }

    /** The alarms a collector raises about itself. */
    public enum Alarm {
        /** No alarm (a heartbeat). */
        NONE,
        /** The enclosure was opened. */
        ENCLOSURE_OPENED,
        /** The device was tilted or moved on its pole. */
        TILT,
        /** Mains power was lost; running on its battery. */
        POWER_LOST,
        /** Mains power came back. */
        POWER_RESTORED
    }

    public CollectorMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(alarm, "alarm");
        if (sequence < 0 || sequence > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("collector message sequence " + sequence + " out of range 0..2^32-1");
        }
        if (metersInRange < 0 || metersInRange > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("meters in range " + metersInRange + " out of range 0..2^32-1");
        }
        if ((kind == Kind.HEARTBEAT) != (alarm == Alarm.NONE)) {
            throw new IllegalArgumentException(
                    "a heartbeat carries no alarm and an alarm names one; got " + kind + " with " + alarm);
        }
        sentAt = Instant.ofEpochSecond(sentAt.getEpochSecond());
    }

    /** A heartbeat. */
    public static CollectorMessage heartbeat(long sequence, Instant sentAt, long metersInRange) {
        return new CollectorMessage(Kind.HEARTBEAT, sequence, sentAt, Alarm.NONE, metersInRange);
    }

    /** An alarm. */
    public static CollectorMessage alarm(long sequence, Instant sentAt, Alarm alarm, long metersInRange) {
        return new CollectorMessage(Kind.ALARM, sequence, sentAt, alarm, metersInRange);
    }

    /** The 22-byte form. */
    public byte[] encode() {
        return ByteBuffer.allocate(LENGTH)
                .putShort(MAGIC)
                .put(VERSION)
                .put((byte) kind.ordinal())
                .putInt((int) sequence)
                .putLong(sentAt.getEpochSecond())
                .putShort((short) alarm.ordinal())
                .putInt((int) metersInRange)
                .array();
    }

    /** The wrapper frame carrying this message. */
    public byte[] frame() {
        return new WrapperFrame(COLLECTOR_WPORT, HEAD_END_WPORT, encode()).encode();
    }

    /** Reads the 22-byte form; anything else is a {@link MalformedApdu} naming what is wrong. */
    public static CollectorMessage decode(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new MalformedApdu("collector message of " + bytes.length + " bytes; expected " + LENGTH);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        short magic = in.getShort();
        byte version = in.get();
        int kind = in.get();
        if (magic != MAGIC || version != VERSION || kind < 0 || kind >= Kind.values().length) {
            throw new MalformedApdu("not a collector message (magic " + Integer.toHexString(magic & 0xFFFF)
                    + ", version " + version + ", kind " + kind + ")");
        }
        long sequence = Integer.toUnsignedLong(in.getInt());
        Instant sentAt = Instant.ofEpochSecond(in.getLong());
        int alarm = in.getShort() & 0xFFFF;
        if (alarm >= Alarm.values().length) {
            throw new MalformedApdu("collector message names unknown alarm " + alarm);
        }
        long meters = Integer.toUnsignedLong(in.getInt());
        try {
            return new CollectorMessage(Kind.values()[kind], sequence, sentAt, Alarm.values()[alarm], meters);
        } catch (IllegalArgumentException e) {
            throw new MalformedApdu("collector message: " + e.getMessage());
        }
    }

    /** The acknowledgement the head-end sends for this message. */
    public PushAcknowledgement acknowledgement(PushAcknowledgement.Status status) {
        return new PushAcknowledgement(status, new SystemTitle(0), new InvocationCounter(sequence));
    }
}
