package org.meterguard.audit;

import static org.meterguard.audit.JournalDescriptor.PAYLOAD_OFFSET;
import static org.meterguard.audit.JournalDescriptor.SEGMENT_HEADER_LENGTH;
import static org.meterguard.audit.JournalDescriptor.TYPE_ENTRY;
import static org.meterguard.audit.JournalDescriptor.TYPE_TREE_HEAD;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * Follows an open journal's durable records in log order from an entry index on, remembering where it stands, so a
 * follower (a database projection, a replica) reads each record once however long the journal grows. It delivers
 * only what is durable: an entry below {@link AuditJournal#size()}, a head no larger than the latest durable one; what
 * the writer has put in the file beyond that waits for a later {@link #read}. Heads whose size equals the starting
 * index are delivered too, so a follower that stored entries and heads together misses none when it resumes.
 *
 * <p>One thread at a time; reading never blocks the journal's writer. Close it to release its file.
 */
public final class JournalCursor implements AutoCloseable {
    private static final int READ_BUFFER = 4 << 20;

    private final AuditJournal journal;
    private final List<Segment> segments;
    private final long from;
    private int segmentIndex;
    private FileChannel channel;
    private long offset = SEGMENT_HEADER_LENGTH;
    private long nextEntry;
    private boolean blocked;

    JournalCursor(AuditJournal journal, List<Segment> segments, long from) {
        this.journal = journal;
        this.segments = segments;
        this.from = from;
        // Strictly before: a head of size `from` ends the segment before the one that starts at entry `from`.
        int index = 0;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).firstIndex() < from) {
                index = i;
            }
        }
        this.segmentIndex = index;
        this.nextEntry = segments.get(index).firstIndex();
        this.channel = open(segments.get(index));
    }

    /** The index of the next entry this cursor will deliver. */
    public long position() {
        return Math.max(nextEntry, from);
    }

    /**
     * Delivers the durable records after those already delivered, up to {@code maxEntries} entries (and the heads
     * among and right after them); returns the number of entries delivered, 0 when it has caught up.
     *
     * @throws JournalCorrupted if a durable record is damaged or out of place
     * @throws UncheckedIOException if a segment cannot be read
     */
    public int read(int maxEntries, JournalRecordSink sink) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries " + maxEntries + " must be at least 1");
        }
        long durable = journal.size();
        long headLimit = journal.latestHead().map(SignedTreeHead::treeSize).orElse(-1L);
        int delivered = 0;
        try {
            while (delivered < maxEntries) {
                boolean later = segments.size() > segmentIndex + 1;
                long fileSize = channel.size();
                blocked = false;
                delivered += readSegment(fileSize, durable, headLimit, maxEntries - delivered, sink);
                if (blocked || delivered >= maxEntries || offset < fileSize || !later) {
                    break;
                }
                channel.close();
                segmentIndex++;
                channel = open(segments.get(segmentIndex));
                offset = SEGMENT_HEADER_LENGTH;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read audit journal segment " + segment().path() + ": " + e, e);
        }
        return delivered;
    }

    /** Reads the current segment from {@link #offset} up to {@code fileSize}; sets {@link #blocked} at the limit. */
    private int readSegment(long fileSize, long durable, long headLimit, int maxEntries, JournalRecordSink sink)
            throws IOException {
        if (offset >= fileSize) {
            return 0;
        }
        RecordReader reader = new RecordReader(channel, offset, fileSize, READ_BUFFER);
        int delivered = 0;
        while (delivered < maxEntries) {
            RecordReader.Status status = reader.next();
            if (status != RecordReader.Status.RECORD) {
                blocked = status != RecordReader.Status.END; // the writer is still writing it
                return delivered;
            }
            long position = reader.position();
            byte type = reader.type();
            boolean durableRecord =
                    type == TYPE_ENTRY ? position < durable : position < durable || position <= headLimit;
            if (!durableRecord) {
                blocked = true;
                return delivered;
            }
            if (!reader.crcValid()) {
                throw corrupt(reader, "its CRC does not match");
            }
            if (deliver(reader, type, position, sink)) {
                delivered++;
            }
            offset = reader.nextFileOffset();
        }
        return delivered;
    }

    /** Hands the record to the sink unless it lies before the start; returns whether it was an entry delivered. */
    private boolean deliver(RecordReader reader, byte type, long position, JournalRecordSink sink) {
        byte[] array = reader.array();
        int payload = reader.recordOffset() + PAYLOAD_OFFSET;
        if (type == TYPE_ENTRY) {
            if (position != nextEntry) {
                throw corrupt(reader, "it holds entry " + position + " where entry " + nextEntry + " belongs");
            }
            nextEntry++;
            if (position < from) {
                return false;
            }
            sink.entry(position, Arrays.copyOfRange(array, payload, payload + reader.payloadLength()));
            return true;
        }
        if (type != TYPE_TREE_HEAD) {
            throw corrupt(reader, "record type " + type + " does not belong in a journal");
        }
        if (position >= from) {
            sink.treeHead(SignedTreeHead.decode(array, payload, reader.payloadLength()));
        }
        return false;
    }

    private JournalCorrupted corrupt(RecordReader reader, String problem) {
        return new JournalCorrupted(
                nextEntry,
                "audit journal segment " + segment().path() + " is damaged at byte " + reader.recordFileOffset()
                        + " (entry " + nextEntry + "): " + problem);
    }

    private Segment segment() {
        return segments.get(segmentIndex);
    }

    private static FileChannel open(Segment segment) {
        try {
            return FileChannel.open(segment.path(), StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open audit journal segment " + segment.path() + ": " + e, e);
        }
    }

    /** Releases the segment file. Idempotent. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot close audit journal segment " + segment().path(), e);
        }
    }

    @Override
    public String toString() {
        return "JournalCursor[" + journal.directory() + ", next entry " + position() + "]";
    }
}
