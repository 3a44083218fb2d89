package org.meterguard.server.database;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Reads the rows of {@code COPY … TO STDOUT (FORMAT binary)} (the layout {@link CopyBinary} writes) field by field,
 * without boxing: the fastest way to stream many rows out of PostgreSQL. The caller knows the column order and
 * types of its COPY statement and reads each row's fields in that order.
 */
public final class CopyBinaryReader {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private final DataInputStream in;
    private byte[] text = new byte[64];

    public CopyBinaryReader(InputStream stream) throws IOException {
        this.in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
        byte[] signature = new byte[SIGNATURE.length];
        in.readFully(signature);
        if (!Arrays.equals(signature, SIGNATURE)) {
            throw new IOException("not a binary COPY stream");
        }
        in.readInt();
        in.skipNBytes(in.readInt());
    }

    /** Starts the next row: its field count, or -1 after the last row. */
    public int nextRow() throws IOException {
        try {
            return in.readShort();
        } catch (EOFException e) {
            return -1;
        }
    }

    /** A text field (UTF-8); null for NULL. */
    public String text() throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length > text.length) {
            text = new byte[Math.max(length, text.length * 2)];
        }
        in.readFully(text, 0, length);
        return new String(text, 0, length, StandardCharsets.UTF_8);
    }

    /** A smallint field. */
    public short int2() throws IOException {
        requireLength(2);
        return in.readShort();
    }

    /** A date field. */
    public LocalDate date() throws IOException {
        requireLength(4);
        return LocalDate.ofEpochDay(POSTGRES_EPOCH_DAY + in.readInt());
    }

    /**
     * A one-dimensional integer[] field into {@code values}, {@code missing} where an element is NULL; returns the
     * element count (at most {@code values.length}).
     */
    public int int4Array(long[] values, long missing) throws IOException {
        in.readInt();
        int dimensions = in.readInt();
        in.readInt();
        in.readInt();
        if (dimensions == 0) {
            return 0;
        }
        int elements = in.readInt();
        in.readInt();
        if (dimensions != 1 || elements > values.length) {
            throw new IOException("expected one dimension of at most " + values.length + " elements; got " + dimensions
                    + " dimensions, " + elements + " elements");
        }
        for (int i = 0; i < elements; i++) {
            values[i] = in.readInt() < 0 ? missing : in.readInt();
        }
        return elements;
    }

    private void requireLength(int expected) throws IOException {
        int length = in.readInt();
        if (length != expected) {
            throw new IOException("expected a field of " + expected + " bytes; got " + length);
        }
    }
}
