package org.meterguard.server.database;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Reads the rows of {@code COPY … TO STDOUT (FORMAT binary)} (the layout {@link CopyBinary} writes) field by field,
 * without boxing and without a call per byte: the stream is read in large blocks into a buffer of its own and
 * numbers are decoded straight from it. The fastest way to stream many rows out of PostgreSQL. The caller knows
 * the column order and types of its COPY statement and reads each row's fields in that order.
 */
public final class CopyBinaryReader {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;

    public CopyBinaryReader(InputStream stream) throws IOException {
        this.in = stream;
        require(SIGNATURE.length + 8);
        if (!Arrays.equals(buffer, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new IOException("not a binary COPY stream");
        }
        position = SIGNATURE.length;
        readInt();
        skip(readInt());
    }

    /** Starts the next row: its field count, or -1 after the last row. */
    public int nextRow() throws IOException {
        if (!available(2)) {
            return -1;
        }
        return readShort();
    }

    /** A text field (UTF-8); null for NULL. */
    public String text() throws IOException {
        int length = readInt();
        if (length < 0) {
            return null;
        }
        require(length);
        String text = new String(buffer, position, length, StandardCharsets.UTF_8);
        position += length;
        return text;
    }

    /**
     * A text field's UTF-8 bytes copied into {@code target}, without making a string: their count, or -1 for NULL.
     * For comparing a key with the previous row's.
     */
    public int textBytes(byte[] target) throws IOException {
        int length = readInt();
        if (length < 0) {
            return -1;
        }
        if (length > target.length) {
            throw new IOException("a text of " + length + " bytes is longer than the " + target.length + " expected");
        }
        require(length);
        System.arraycopy(buffer, position, target, 0, length);
        position += length;
        return length;
    }

    /** A smallint field. */
    public short int2() throws IOException {
        requireLength(2);
        return (short) readShort();
    }

    /** A bigint field. */
    public long int8() throws IOException {
        requireLength(8);
        return (long) readInt() << 32 | readInt() & 0xFFFF_FFFFL;
    }

    /** A date field. */
    public LocalDate date() throws IOException {
        requireLength(4);
        return LocalDate.ofEpochDay(POSTGRES_EPOCH_DAY + readInt());
    }

    /**
     * A day row's packed values (either of {@link PackedSlots}' forms) into {@code values}, {@code missing} for a
     * missing slot; returns the slot count (at most {@code values.length}).
     */
    public int packed(long[] values, long missing) throws IOException {
        int length = readInt();
        if (length < 0) {
            throw new IOException("expected packed values; got NULL");
        }
        require(length);
        try {
            return PackedSlots.decode(buffer, position, length, values, missing);
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            position += length;
        }
    }

    private void requireLength(int expected) throws IOException {
        int length = readInt();
        if (length != expected) {
            throw new IOException("expected a field of " + expected + " bytes; got " + length);
        }
    }

    private int readInt() throws IOException {
        require(4);
        int p = position;
        position += 4;
        return (buffer[p] & 0xFF) << 24
                | (buffer[p + 1] & 0xFF) << 16
                | (buffer[p + 2] & 0xFF) << 8
                | buffer[p + 3] & 0xFF;
    }

    private int readShort() throws IOException {
        require(2);
        int p = position;
        position += 2;
        return (short) ((buffer[p] & 0xFF) << 8 | buffer[p + 1] & 0xFF);
    }

    private void skip(int bytes) throws IOException {
        require(bytes);
        position += bytes;
    }

    private void require(int bytes) throws IOException {
        if (!available(bytes)) {
            throw new EOFException("the COPY stream ended within a row");
        }
    }

    /** Makes {@code bytes} readable from the buffer, reading more of the stream as needed; false at its end. */
    private boolean available(int bytes) throws IOException {
        if (limit - position >= bytes) {
            return true;
        }
        if (bytes > buffer.length) {
            throw new IOException("a field of " + bytes + " bytes is larger than the reader's buffer");
        }
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
        while (limit < bytes) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                return false;
            }
            limit += read;
        }
        return true;
    }
}
