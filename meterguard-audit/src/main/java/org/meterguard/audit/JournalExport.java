package org.meterguard.audit;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.Objects;

/**
 * An export of a journal ({@link ExportDescriptor}) fixed at one durable signed tree head: every entry and head from
 * entry 0 up to {@link #head()}, which also closes the export. Known before a byte is written, so that a server can
 * name the head in its response before streaming the body. Writing reads the journal's files while appends go on;
 * it may be written any number of times, always with the same bytes.
 */
public final class JournalExport {
    private final List<Segment> segments;
    private final HeadMark mark;

    JournalExport(List<Segment> segments, HeadMark mark) {
        this.segments = List.copyOf(segments);
        this.mark = Objects.requireNonNull(mark, "mark");
    }

    /** The signed tree head the export ends with: it covers every entry in it. */
    public SignedTreeHead head() {
        return mark.head();
    }

    /** Writes the export to {@code out}; does not close it. */
    public void writeTo(WritableByteChannel out) throws IOException {
        ExportFormat.write(Objects.requireNonNull(out, "out"), segments, mark);
    }

    @Override
    public String toString() {
        return "JournalExport[" + mark.head() + "]";
    }
}
