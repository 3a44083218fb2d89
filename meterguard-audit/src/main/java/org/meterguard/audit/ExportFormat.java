package org.meterguard.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Writes exports ({@link ExportDescriptor}) and checks their header. */
final class ExportFormat {
    private ExportFormat() {}

    /**
     * Writes to {@code target} (which must not exist) what {@link #write(WritableByteChannel, List, HeadMark)} writes,
     * and forces it.
     */
    static void write(Path target, List<Segment> segments, HeadMark mark) throws IOException {
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            write(out, segments, mark);
            out.force(true);
        }
    }

    /**
     * Writes the header, every record of {@code segments} up to the end of {@code mark}'s head, and the end record
     * with that head. Segments before the mark's are complete and never change; the mark's is read only up to the
     * head, so appends may go on meanwhile.
     */
    static void write(WritableByteChannel out, List<Segment> segments, HeadMark mark) throws IOException {
        writeAll(out, ByteBuffer.wrap(header()));
        for (Segment segment : segments) {
            if (segment.firstIndex() > mark.segment().firstIndex()) {
                break;
            }
            try (FileChannel in = FileChannel.open(segment.path(), StandardOpenOption.READ)) {
                long end = segment.equals(mark.segment()) ? mark.endOffset() : in.size();
                for (long at = JournalDescriptor.SEGMENT_HEADER_LENGTH; at < end; ) {
                    long sent = in.transferTo(at, end - at, out);
                    if (sent <= 0) {
                        throw new IOException("segment " + segment.name() + " ends at byte " + in.size()
                                + ", before byte " + end + " its head needs");
                    }
                    at += sent;
                }
            }
        }
        writeAll(out, ByteBuffer.wrap(endRecord(mark.head())));
    }

    private static void writeAll(WritableByteChannel out, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    static byte[] header() {
        return ByteBuffer.allocate(ExportDescriptor.HEADER_LENGTH)
                .putLong(ExportDescriptor.MAGIC)
                .putInt(ExportDescriptor.VERSION)
                .putInt(0)
                .putLong(0)
                .array();
    }

    static byte[] endRecord(SignedTreeHead head) {
        return Records.frame(JournalDescriptor.TYPE_EXPORT_END, head.treeSize(), head.encodedView());
    }

    /** Why {@code header} (24 bytes) is not a version 1 export header, or null if it is. */
    static String headerProblem(byte[] header) {
        ByteBuffer in = ByteBuffer.wrap(header);
        if (in.getLong(0) != ExportDescriptor.MAGIC) {
            return "it does not start with the export magic MGAUDEXP";
        }
        int version = in.getInt(ExportDescriptor.VERSION_OFFSET);
        if (version != ExportDescriptor.VERSION) {
            return "it is export version " + version + "; only " + ExportDescriptor.VERSION + " is supported";
        }
        if (in.getInt(ExportDescriptor.RESERVED_OFFSET) != 0) {
            return "its reserved header field is not 0";
        }
        long first = in.getLong(ExportDescriptor.FIRST_INDEX_OFFSET);
        return first == 0 ? null : "it starts at entry " + first + "; an export starts at entry 0";
    }
}
