package org.meterguard.audit;

import static org.meterguard.audit.JournalDescriptor.SEGMENT_FIRST_INDEX_OFFSET;
import static org.meterguard.audit.JournalDescriptor.SEGMENT_HEADER_LENGTH;
import static org.meterguard.audit.JournalDescriptor.SEGMENT_MAGIC;
import static org.meterguard.audit.JournalDescriptor.SEGMENT_SUFFIX;
import static org.meterguard.audit.JournalDescriptor.SEGMENT_VERSION;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One segment file of a journal: its path and the index of its first entry (also its name).
 *
 * @param path the file
 * @param firstIndex the index of its first entry
 */
record Segment(Path path, long firstIndex) {
    private static final Pattern NAME = Pattern.compile("(\\d{20})" + Pattern.quote(SEGMENT_SUFFIX));

    /** The segment of {@code directory} whose first entry is {@code firstIndex}. */
    static Segment in(Path directory, long firstIndex) {
        return new Segment(directory.resolve(String.format("%020d%s", firstIndex, SEGMENT_SUFFIX)), firstIndex);
    }

    /** The segments of {@code directory}, by first index. */
    static List<Segment> list(Path directory) throws IOException {
        List<Segment> segments = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher name = NAME.matcher(file.getFileName().toString());
                if (name.matches()) {
                    segments.add(new Segment(file, Long.parseLong(name.group(1))));
                }
            }
        }
        segments.sort(Comparator.comparingLong(Segment::firstIndex));
        return segments;
    }

    /** The header of a segment starting at {@code firstIndex}. */
    static byte[] header(long firstIndex) {
        return ByteBuffer.allocate(SEGMENT_HEADER_LENGTH)
                .putLong(SEGMENT_MAGIC)
                .putInt(SEGMENT_VERSION)
                .putInt(0)
                .putLong(firstIndex)
                .array();
    }

    /**
     * Creates this segment with its header, durably (the file, then the directory entry), and returns it open for
     * appending.
     */
    FileChannel create() throws IOException {
        FileChannel channel = FileChannel.open(
                path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
        try {
            writeFully(channel, ByteBuffer.wrap(header(firstIndex)), 0);
            channel.force(true);
            forceDirectory(path.getParent());
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Why {@code header} is not this segment's header, or null if it is. */
    String headerProblem(byte[] header) {
        ByteBuffer in = ByteBuffer.wrap(header);
        if (in.getLong() != SEGMENT_MAGIC) {
            return "it does not start with the segment magic MGAUDSEG";
        }
        int version = in.getInt();
        if (version != SEGMENT_VERSION || in.getInt() != 0) {
            return "it has segment version " + version + "; only " + SEGMENT_VERSION + " is supported";
        }
        long first = in.getLong(SEGMENT_FIRST_INDEX_OFFSET);
        return first == firstIndex ? null : "its header says it starts at entry " + first + ", its name " + firstIndex;
    }

    static void writeFully(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }

    /** Makes a new directory entry durable; a no-op where the platform cannot open a directory (Windows). */
    static void forceDirectory(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e;
            }
        }
    }

    String name() {
        return path.getFileName().toString();
    }
}
