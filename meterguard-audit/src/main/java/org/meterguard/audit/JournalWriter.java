package org.meterguard.audit;

import static org.meterguard.audit.JournalDescriptor.TYPE_ENTRY;
import static org.meterguard.audit.JournalDescriptor.TYPE_OFFSET;
import static org.meterguard.audit.JournalDescriptor.TYPE_TREE_HEAD;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32C;

/**
 * The first stage of the journal's pipeline, on its own thread: takes what waits, frames it into one buffer, hashes
 * each entry into the tree, signs a head when one is due, writes it all to the segment (not yet forced) and hands the
 * batch to the {@link JournalSyncer}. Everything here is confined to this thread but the tree, which readers share
 * under the tree's monitor.
 */
final class JournalWriter implements Runnable {
    private static final int INITIAL_BUFFER = 1 << 20;

    private final AppendQueue queue;
    private final JournalSyncer syncer;
    private final MerkleTree tree;
    private final TreeHeadSigner signer;
    private final JournalSettings settings;
    private final Path directory;
    private final List<Segment> segments;

    private final MessageDigest sha256 = MerkleHashing.sha256();
    private final CRC32C crc = new CRC32C();
    private final long headIntervalNanos;
    private byte[] buffer = new byte[INITIAL_BUFFER];
    private int buffered;
    private byte[] leafHashes = new byte[1024 * Hash.LENGTH];
    private ArrayList<AppendQueue.Pending> batch = new ArrayList<>();
    private List<CompletableFuture<HeadMark>> headRequests = new ArrayList<>();

    private Segment segment;
    private FileChannel channel;
    private long segmentEnd;
    private long size;
    private long entriesSinceHead;
    private long lastHeadNanos;
    private long lastHeadMillis;
    private long lastHeadSize;

    /** A writer continuing the last of {@code segments}, open as {@code channel} and valid up to {@code segmentEnd}. */
    JournalWriter(
            AppendQueue queue,
            JournalSyncer syncer,
            MerkleTree tree,
            TreeHeadSigner signer,
            JournalSettings settings,
            List<Segment> segments,
            FileChannel channel,
            long segmentEnd) {
        this.queue = queue;
        this.syncer = syncer;
        this.tree = tree;
        this.signer = signer;
        this.settings = settings;
        this.segments = segments;
        this.segment = segments.get(segments.size() - 1);
        this.directory = segment.path().getParent();
        this.channel = channel;
        this.segmentEnd = segmentEnd;
        this.headIntervalNanos = settings.headInterval().toNanos();
        synchronized (tree) {
            this.size = tree.size();
        }
        HeadMark latest = syncer.latestHead();
        this.lastHeadSize = latest == null ? -1 : latest.head().treeSize();
        this.lastHeadMillis = latest == null ? 0 : latest.head().timestampMillis();
        this.entriesSinceHead = size - Math.max(lastHeadSize, 0);
        // A journal reopened with entries no head covers signs one at once; otherwise the interval starts now.
        this.lastHeadNanos = System.nanoTime() - (entriesSinceHead > 0 ? headIntervalNanos : 0);
    }

    @Override
    public void run() {
        try {
            while (!queue.closedAndDrained()) {
                long wait = entriesSinceHead > 0 ? lastHeadNanos + headIntervalNanos - System.nanoTime() : 1L << 62;
                // Batches stop where N entries since the last head are reached, so heads fall on multiples of N.
                int max = (int) Math.max(
                        0, Math.min(settings.maxBatchEntries(), settings.headEveryEntries() - entriesSinceHead));
                batch = queue.take(batch, headRequests, max, wait);
                writeBatch(headDue());
            }
            if (entriesSinceHead > 0 || lastHeadSize < 0) {
                writeBatch(true);
            }
            syncer.stop();
            syncer.awaitDurable(size);
        } catch (Throwable t) {
            fail(t);
        }
    }

    private boolean headDue() {
        long after = entriesSinceHead + batch.size();
        boolean requested = !headRequests.isEmpty() && lastHeadSize != size + batch.size();
        return requested
                || after >= settings.headEveryEntries()
                || (after > 0 && System.nanoTime() - lastHeadNanos >= headIntervalNanos);
    }

    /** Writes the batch and, if {@code withHead}, a head after it; hands both to the syncer; rolls a full segment. */
    private void writeBatch(boolean withHead) throws IOException, InterruptedException {
        if (batch.isEmpty() && !withHead && headRequests.isEmpty()) {
            return;
        }
        appendEntries();
        SignedTreeHead head = withHead ? appendHead() : null;
        flush();
        // One batch ahead of the disk at most: this one is written while the previous one is being forced.
        syncer.awaitTaken();
        HeadMark mark = head == null ? null : new HeadMark(head, segment, segmentEnd);
        syncer.submit(new JournalSyncer.Commit(channel, size, mark, batch, headRequests));
        batch = new ArrayList<>();
        headRequests = new ArrayList<>();
        if (settings.maxBatchEntries() == 1) {
            syncer.awaitDurable(size); // one fsync per entry, as the baseline asks: no pipelining either
        }
        if (segmentEnd >= settings.segmentBytes()) {
            roll();
        }
    }

    private void appendEntries() throws IOException {
        int count = batch.size();
        if (leafHashes.length < count * Hash.LENGTH) {
            leafHashes = new byte[Integer.highestOneBit(count) * 2 * Hash.LENGTH];
        }
        for (int i = 0; i < count; i++) {
            byte[] entry = batch.get(i).entry;
            int at = reserve(JournalDescriptor.recordLength(entry.length));
            buffered = Records.write(buffer, at, TYPE_ENTRY, size + i, entry, entry.length, crc);
            // The type byte is the leaf prefix 0x00: type and payload are the leaf hash input as they lie.
            sha256.update(buffer, at + TYPE_OFFSET, 1 + entry.length);
            MerkleHashing.digestInto(sha256, leafHashes, i * Hash.LENGTH);
        }
        synchronized (tree) {
            for (int i = 0; i < count; i++) {
                tree.appendLeafHash(leafHashes, i * Hash.LENGTH);
            }
        }
        size += count;
        entriesSinceHead += count;
    }

    private SignedTreeHead appendHead() throws IOException {
        Hash root;
        synchronized (tree) {
            root = tree.root(size);
        }
        long millis = Math.max(settings.clock().millis(), lastHeadMillis);
        SignedTreeHead head = signer.sign(size, root, Instant.ofEpochMilli(millis));
        byte[] encoded = head.encodedView();
        int at = reserve(JournalDescriptor.recordLength(encoded.length));
        buffered = Records.write(buffer, at, TYPE_TREE_HEAD, size, encoded, encoded.length, crc);
        lastHeadMillis = millis;
        lastHeadNanos = System.nanoTime();
        lastHeadSize = size;
        entriesSinceHead = 0;
        return head;
    }

    /** The buffer offset at which {@code length} bytes fit, writing out what is buffered first if need be. */
    private int reserve(int length) throws IOException {
        if (buffered + length > buffer.length) {
            flush();
            if (length > buffer.length) {
                buffer = new byte[Math.max(length, 2 * buffer.length)];
            }
        }
        return buffered;
    }

    private void flush() throws IOException {
        Segment.writeFully(channel, ByteBuffer.wrap(buffer, 0, buffered), segmentEnd);
        segmentEnd += buffered;
        buffered = 0;
    }

    /** Starts the next segment once everything in this one is durable, so that no fsync races the close. */
    private void roll() throws IOException, InterruptedException {
        syncer.awaitDurable(size);
        Segment next = Segment.in(directory, size);
        FileChannel nextChannel = next.create();
        channel.close();
        segments.add(next);
        segment = next;
        channel = nextChannel;
        segmentEnd = JournalDescriptor.SEGMENT_HEADER_LENGTH;
    }

    private void fail(Throwable t) {
        JournalFailed failure = t instanceof JournalFailed f
                ? f
                : new JournalFailed("audit journal write failed in " + segment.name() + ": " + t, t);
        batch.forEach(p -> p.ack.completeExceptionally(failure));
        headRequests.forEach(h -> h.completeExceptionally(failure));
        queue.fail(failure);
        syncer.stop();
    }

    /** Closes the current segment; called once both stages have stopped. */
    void closeChannel() throws IOException {
        channel.close();
    }
}
