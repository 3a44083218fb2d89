package org.meterguard.audit;

import static org.meterguard.audit.JournalDescriptor.FRAMING_LENGTH;
import static org.meterguard.audit.JournalDescriptor.MAX_PAYLOAD;
import static org.meterguard.audit.JournalDescriptor.PAYLOAD_OFFSET;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Reads records one after another from a file region through one reused buffer, so that a scan of millions of
 * records allocates nothing per record. After {@link #next()} returns {@link Status#RECORD} the record lies in
 * {@link #array()} from {@link #recordOffset()}; it stays there until the next call.
 */
final class RecordReader {
    /** What {@link #next()} found. */
    enum Status {
        /** A whole record, its CRC checked ({@link #crcValid()}). */
        RECORD,
        /** No bytes left: the region ends between records. */
        END,
        /** Bytes left, but fewer than the record header or than the record claims. */
        INCOMPLETE,
        /** A record header whose length is negative or above {@link JournalDescriptor#MAX_PAYLOAD}. */
        BAD_LENGTH
    }

    private static final int MIN_BUFFER = 2 * JournalDescriptor.MAX_RECORD_LENGTH;

    private final FileChannel channel;
    private final long end;
    private final byte[] array;
    private final ByteBuffer buffer;
    private final CRC32C crc = new CRC32C();

    /** File offset of array[0]. */
    private long arrayFileOffset;
    /** Bytes of the array holding file data. */
    private int filled;
    /** The current record's offset in the array, and the offset after it. */
    private int recordOffset;

    private int nextOffset;
    private int payloadLength;
    private boolean crcValid;

    /**
     * A reader of {@code channel} from {@code start} to {@code end}, with a buffer of {@code bufferBytes}, at least
     * two of the longest records, at most the region.
     */
    RecordReader(FileChannel channel, long start, long end, int bufferBytes) {
        this.channel = channel;
        this.end = end;
        // A record never spans more than the region, so a small region needs no more buffer than its own size.
        long region = Math.max(end - start, 0);
        this.array = new byte[(int) Math.min(Math.max(bufferBytes, MIN_BUFFER), region)];
        this.buffer = ByteBuffer.wrap(array);
        this.arrayFileOffset = start;
    }

    /** Moves to the next record. */
    Status next() throws IOException {
        recordOffset = nextOffset;
        if (!available(PAYLOAD_OFFSET)) {
            return remaining() == 0 ? Status.END : Status.INCOMPLETE;
        }
        payloadLength = Records.payloadLength(array, recordOffset);
        if (payloadLength < 0 || payloadLength > MAX_PAYLOAD) {
            return Status.BAD_LENGTH;
        }
        if (!available(FRAMING_LENGTH + payloadLength)) {
            return Status.INCOMPLETE;
        }
        crcValid = Records.crcMatches(array, recordOffset, payloadLength, crc);
        nextOffset = recordOffset + FRAMING_LENGTH + payloadLength;
        return Status.RECORD;
    }

    /** Whether {@code bytes} bytes from the current record's start are in the array, reading more if need be. */
    private boolean available(int bytes) throws IOException {
        if (filled - recordOffset >= bytes) {
            return true;
        }
        System.arraycopy(array, recordOffset, array, 0, filled - recordOffset);
        arrayFileOffset += recordOffset;
        filled -= recordOffset;
        nextOffset -= recordOffset;
        recordOffset = 0;
        while (filled < array.length && arrayFileOffset + filled < end) {
            int want = (int) Math.min(array.length - filled, end - arrayFileOffset - filled);
            buffer.clear().position(filled).limit(filled + want);
            int read = channel.read(buffer, arrayFileOffset + filled);
            if (read < 0) {
                break;
            }
            filled += read;
        }
        return filled >= bytes;
    }

    /** Bytes of the region from the current record's start on. */
    long remaining() {
        return end - recordFileOffset();
    }

    byte[] array() {
        return array;
    }

    int recordOffset() {
        return recordOffset;
    }

    /** The current record's offset in the file. */
    long recordFileOffset() {
        return arrayFileOffset + recordOffset;
    }

    /** The current record's offset in the file plus its length: where the next one starts. */
    long nextFileOffset() {
        return arrayFileOffset + nextOffset;
    }

    int payloadLength() {
        return payloadLength;
    }

    /** The payload length the current header claims, also after {@link Status#BAD_LENGTH}. */
    long claimedRecordLength() {
        return FRAMING_LENGTH + Integer.toUnsignedLong(Records.payloadLength(array, recordOffset));
    }

    long position() {
        return Records.position(array, recordOffset);
    }

    byte type() {
        return Records.type(array, recordOffset);
    }

    boolean crcValid() {
        return crcValid;
    }
}
