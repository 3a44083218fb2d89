package org.meterguard.audit;

import static org.meterguard.audit.JournalDescriptor.SEGMENT_HEADER_LENGTH;
import static org.meterguard.audit.JournalDescriptor.TYPE_ENTRY;
import static org.meterguard.audit.JournalDescriptor.TYPE_OFFSET;
import static org.meterguard.audit.JournalDescriptor.TYPE_TREE_HEAD;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * Recovery: reads every segment in order, rebuilds the tree from the entries, checks each stored tree head against
 * it, and cuts off a torn final record. What counts as torn, in the last segment only: a record the file ends inside;
 * a record whose CRC fails and after which no record with a good CRC follows (the tail of a batch whose fsync never
 * finished); a record followed by nothing but zero bytes (blocks allocated but never written). Anything else damaged
 * or out of place was acknowledged as durable, and is a {@link JournalCorrupted} naming the segment, offset and
 * entry index.
 */
final class JournalScan {
    private static final int READ_BUFFER = 4 << 20;

    private final MerkleTree tree;
    private final MessageDigest sha256 = MerkleHashing.sha256();
    private final byte[] leafHash = new byte[Hash.LENGTH];

    private long heads;
    private HeadMark latestHead;
    private long truncatedBytes;
    private String truncation = "";
    private FileChannel lastChannel;
    private long lastEnd;

    JournalScan(MerkleTree tree) {
        this.tree = tree;
    }

    /** Scans {@code segment}; the last one is kept open for writing and may have a torn tail cut off. */
    void scan(Segment segment, boolean last) throws IOException {
        FileChannel channel = last
                ? FileChannel.open(segment.path(), StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(segment.path(), StandardOpenOption.READ);
        try {
            long end = scanRecords(segment, channel, last);
            if (last) {
                lastChannel = channel;
                lastEnd = end;
            } else {
                channel.close();
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Scans the records of {@code segment}; returns the offset after the last good one. */
    private long scanRecords(Segment segment, FileChannel channel, boolean last) throws IOException {
        long fileSize = channel.size();
        if (fileSize < SEGMENT_HEADER_LENGTH) {
            if (!last) {
                throw corrupt(segment, 0, "it is shorter than its " + SEGMENT_HEADER_LENGTH + "-byte header");
            }
            truncate(segment, channel, 0, fileSize, "torn segment header");
            Segment.writeFully(channel, ByteBuffer.wrap(Segment.header(segment.firstIndex())), 0);
            channel.force(true);
            return SEGMENT_HEADER_LENGTH;
        }
        checkHeader(segment, channel);
        RecordReader reader = new RecordReader(channel, SEGMENT_HEADER_LENGTH, fileSize, READ_BUFFER);
        while (true) {
            RecordReader.Status status = reader.next();
            if (status == RecordReader.Status.END) {
                return fileSize;
            }
            if (status != RecordReader.Status.RECORD || !reader.crcValid()) {
                return cutTornTail(segment, channel, reader, status, last);
            }
            replay(segment, reader);
        }
    }

    private void checkHeader(Segment segment, FileChannel channel) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(SEGMENT_HEADER_LENGTH);
        while (header.hasRemaining() && channel.read(header, header.position()) >= 0) {
            // read until full
        }
        String problem = segment.headerProblem(header.array());
        if (problem != null) {
            throw corrupt(segment, 0, problem);
        }
        if (segment.firstIndex() != tree.size()) {
            throw corrupt(
                    segment,
                    0,
                    "it starts at entry " + segment.firstIndex() + " but the segments before it hold " + tree.size()
                            + " entries: a segment is missing, renamed or left over");
        }
    }

    /** Adds a good record's entry to the tree, or checks its tree head against the tree. */
    private void replay(Segment segment, RecordReader reader) {
        long at = reader.recordFileOffset();
        long size = tree.size();
        if (reader.position() != size) {
            throw corrupt(segment, at, "the record says it follows " + reader.position() + " entries, not " + size);
        }
        byte[] array = reader.array();
        int offset = reader.recordOffset();
        if (reader.type() == TYPE_ENTRY) {
            sha256.update(array, offset + TYPE_OFFSET, 1 + reader.payloadLength());
            MerkleHashing.digestInto(sha256, leafHash, 0);
            tree.appendLeafHash(leafHash, 0);
        } else if (reader.type() == TYPE_TREE_HEAD) {
            SignedTreeHead head;
            try {
                head = SignedTreeHead.decode(array, offset + JournalDescriptor.PAYLOAD_OFFSET, reader.payloadLength());
            } catch (IllegalArgumentException e) {
                throw corrupt(segment, at, "its tree head is malformed: " + e.getMessage());
            }
            if (head.treeSize() != size || !head.rootHash().equals(tree.root(size))) {
                throw corrupt(
                        segment,
                        at,
                        "the signed tree head for " + head.treeSize() + " entries does not match"
                                + " the entries before it");
            }
            heads++;
            latestHead = new HeadMark(head, segment, reader.nextFileOffset());
        } else {
            throw corrupt(segment, at, "record type " + reader.type() + " does not belong in a journal");
        }
    }

    private long cutTornTail(
            Segment segment, FileChannel channel, RecordReader reader, RecordReader.Status status, boolean last)
            throws IOException {
        long at = reader.recordFileOffset();
        long fileSize = channel.size();
        boolean zeros = zerosOnly(channel, at, fileSize);
        String what = zeros ? "zero bytes never written" : problem(status);
        boolean torn = zeros
                || status == RecordReader.Status.INCOMPLETE
                || (status == RecordReader.Status.BAD_LENGTH && at + reader.claimedRecordLength() > fileSize)
                || (status == RecordReader.Status.RECORD && !goodRecordAfter(channel, reader.nextFileOffset()));
        if (!last || !torn) {
            throw corrupt(
                    segment,
                    at,
                    what + ", and " + (fileSize - at) + " bytes from there on are not a torn final"
                            + " record" + (last ? "" : " (a torn record can only end the last segment)")
                            + "; restore the segment from a replica or backup");
        }
        truncate(segment, channel, at, fileSize, what);
        return at;
    }

    private void truncate(Segment segment, FileChannel channel, long at, long fileSize, String what)
            throws IOException {
        channel.truncate(at);
        channel.force(true);
        truncatedBytes += fileSize - at;
        truncation = "; cut off a torn final record (" + what + ") of " + (fileSize - at) + " bytes at byte " + at
                + " of " + segment.name() + ", where entry " + tree.size() + " would start";
    }

    private static String problem(RecordReader.Status status) {
        return switch (status) {
            case RECORD -> "CRC mismatch";
            case INCOMPLETE -> "incomplete record";
            case BAD_LENGTH -> "impossible record length";
            case END -> "end of data";
        };
    }

    /** Whether a record with a good CRC starts anywhere in the chain of records from {@code from}. */
    private static boolean goodRecordAfter(FileChannel channel, long from) throws IOException {
        RecordReader after = new RecordReader(channel, from, channel.size(), READ_BUFFER);
        RecordReader.Status status;
        while ((status = after.next()) == RecordReader.Status.RECORD) {
            if (after.crcValid()) {
                return true;
            }
        }
        return false;
    }

    private static boolean zerosOnly(FileChannel channel, long from, long to) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
        for (long at = from; at < to; ) {
            chunk.clear();
            int read = channel.read(chunk, at);
            if (read < 0) {
                return true;
            }
            for (int i = 0; i < read; i++) {
                if (chunk.get(i) != 0) {
                    return false;
                }
            }
            at += read;
        }
        return true;
    }

    private JournalCorrupted corrupt(Segment segment, long offset, String problem) {
        return new JournalCorrupted(
                tree.size(),
                "audit journal segment " + segment.path() + " is damaged at byte " + offset + " (entry " + tree.size()
                        + "): " + problem);
    }

    JournalRecovery recovery() {
        String summary = "recovered " + tree.size() + " entries and " + heads + " signed tree heads" + truncation;
        return new JournalRecovery(tree.size(), heads, truncatedBytes, summary);
    }

    HeadMark latestHead() {
        return latestHead;
    }

    FileChannel lastChannel() {
        return lastChannel;
    }

    long lastEnd() {
        return lastEnd;
    }
}
