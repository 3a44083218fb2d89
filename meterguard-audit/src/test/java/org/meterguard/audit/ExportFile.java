package org.meterguard.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An export taken apart into its header and records by the documented layout (not by the code under test), so that a
 * test can tamper with it the way a forger would and write it back.
 */
final class ExportFile {
    static final int HEADER = 24;

    final byte[] header;
    final List<byte[]> records;

    private ExportFile(byte[] header, List<byte[]> records) {
        this.header = header;
        this.records = records;
    }

    static ExportFile read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            List<byte[]> records = new ArrayList<>();
            int at = HEADER;
            while (at < bytes.length) {
                int length = ByteBuffer.wrap(bytes, at, 4).getInt();
                records.add(Arrays.copyOfRange(bytes, at, at + 17 + length));
                at += 17 + length;
            }
            return new ExportFile(Arrays.copyOf(bytes, HEADER), records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte type(byte[] record) {
        return record[12];
    }

    static long position(byte[] record) {
        return ByteBuffer.wrap(record, 4, 8).getLong();
    }

    /** The position in {@link #records} of the entry with this leaf index. */
    int entry(long index) {
        for (int i = 0; i < records.size(); i++) {
            if (type(records.get(i)) == 0 && position(records.get(i)) == index) {
                return i;
            }
        }
        throw new AssertionError("no entry " + index);
    }

    /** The positions in {@link #records} of the tree heads (not the closing one). */
    List<Integer> heads() {
        List<Integer> heads = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (type(records.get(i)) == 2) {
                heads.add(i);
            }
        }
        return heads;
    }

    /** The record's payload. */
    static byte[] payload(byte[] record) {
        return Arrays.copyOfRange(record, 13, record.length - 4);
    }

    /** A record of {@code type} at {@code position} around {@code payload}, with a correct CRC. */
    static byte[] record(byte type, long position, byte[] payload) {
        ByteBuffer record = ByteBuffer.allocate(17 + payload.length)
                .putInt(payload.length)
                .putLong(position)
                .put(type)
                .put(payload);
        return withCrc(record.array());
    }

    /** The record with its CRC recomputed, as a forger who read the format would. */
    static byte[] withCrc(byte[] record) {
        CRC32C crc = new CRC32C();
        crc.update(record, 0, record.length - 4);
        byte[] fixed = record.clone();
        ByteBuffer.wrap(fixed).putInt(record.length - 4, (int) crc.getValue());
        return fixed;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        records.forEach(out::writeBytes);
        return out.toByteArray();
    }

    Path writeTo(Path file) {
        try {
            return Files.write(file, bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
