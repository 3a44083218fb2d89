package org.meterguard.audit;

import static org.meterguard.audit.JournalDescriptor.LENGTH_OFFSET;
import static org.meterguard.audit.JournalDescriptor.PAYLOAD_OFFSET;
import static org.meterguard.audit.JournalDescriptor.POSITION_OFFSET;
import static org.meterguard.audit.JournalDescriptor.TYPE_OFFSET;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/** Writes and reads the record frame of {@link JournalDescriptor} in byte arrays, allocating nothing. */
final class Records {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Records() {}

    /**
     * Frames {@code payload[0, length)} as a record of {@code type} at {@code position} into {@code target} at
     * {@code offset}, which must have room for {@link JournalDescriptor#recordLength}; returns the offset after it.
     */
    static int write(byte[] target, int offset, byte type, long position, byte[] payload, int length, CRC32C crc) {
        INT.set(target, offset + LENGTH_OFFSET, length);
        LONG.set(target, offset + POSITION_OFFSET, position);
        target[offset + TYPE_OFFSET] = type;
        System.arraycopy(payload, 0, target, offset + PAYLOAD_OFFSET, length);
        int crcOffset = offset + PAYLOAD_OFFSET + length;
        crc.reset();
        crc.update(target, offset, crcOffset - offset);
        INT.set(target, crcOffset, (int) crc.getValue());
        return crcOffset + JournalDescriptor.CRC_LENGTH;
    }

    /** The record at {@code offset} as a fresh array. */
    static byte[] frame(byte type, long position, byte[] payload) {
        byte[] record = new byte[JournalDescriptor.recordLength(payload.length)];
        write(record, 0, type, position, payload, payload.length, new CRC32C());
        return record;
    }

    static int payloadLength(byte[] source, int recordOffset) {
        return (int) INT.get(source, recordOffset + LENGTH_OFFSET);
    }

    static long position(byte[] source, int recordOffset) {
        return (long) LONG.get(source, recordOffset + POSITION_OFFSET);
    }

    static byte type(byte[] source, int recordOffset) {
        return source[recordOffset + TYPE_OFFSET];
    }

    /** Whether the CRC of the record at {@code recordOffset}, with {@code payloadLength} bytes, matches. */
    static boolean crcMatches(byte[] source, int recordOffset, int payloadLength, CRC32C crc) {
        int crcOffset = recordOffset + PAYLOAD_OFFSET + payloadLength;
        crc.reset();
        crc.update(source, recordOffset, crcOffset - recordOffset);
        return (int) crc.getValue() == (int) INT.get(source, crcOffset);
    }

    static int getInt(byte[] source, int offset) {
        return (int) INT.get(source, offset);
    }

    static long getLong(byte[] source, int offset) {
        return (long) LONG.get(source, offset);
    }

    static void putInt(byte[] target, int offset, int value) {
        INT.set(target, offset, value);
    }

    static void putLong(byte[] target, int offset, long value) {
        LONG.set(target, offset, value);
    }
}
