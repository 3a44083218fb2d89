package org.meterguard.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The durable, append-only audit log: entries from any number of threads, made durable in batches by one writer
 * (group commit: one {@link FileChannel#force} per batch), each acknowledged only once it is on disk; an RFC 9162
 * Merkle tree over them in memory, from which any size up to {@link #size()} gets its root and proofs; and a signed
 * tree head written into the journal after every {@link JournalSettings#headEveryEntries()} entries, and at least
 * every {@link JournalSettings#headInterval()} while some entry has none.
 *
 * <p>On disk: a directory of segment files ({@link JournalDescriptor}) and a lock file; one process opens a journal
 * at a time. Opening recovers: it replays every segment, checks every stored head, cuts off a torn final record
 * (reported in {@link #recovery()} and logged) and refuses any other damage with {@link JournalCorrupted}. The tree
 * costs about 64 bytes of heap per entry (640 MiB for ten million) and is rebuilt by hashing every entry on open.
 *
 * <p>Two threads make a pipeline: a writer frames and hashes the next batch and writes it to the page cache while a
 * syncer forces what was written before, so fsync latency overlaps the work instead of adding to it, and one fsync
 * covers every batch written while the previous one ran.
 *
 * <p>Appending returns a future completed with the entry's index once durable, or exceptionally with
 * {@link JournalFailed} if the write or fsync failed (after which the journal refuses appends: reopen it). Dependent
 * actions attached with the non-async methods run on the syncer's thread and delay every later acknowledgement:
 * keep them short or use the {@code *Async} forms. One key per journal: heads already in it must name the signer's
 * key.
 */
public final class AuditJournal implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AuditJournal.class.getName());
    private static final String LOCK_FILE = "journal.lock";

    private final Path directory;
    private final TreeHeadPublicKey publicKey;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final MerkleTree tree;
    private final List<Segment> segments;
    private final AppendQueue queue;
    private final JournalSyncer syncer;
    private final JournalWriter writer;
    private final Thread writerThread;
    private final Thread syncerThread;
    private final JournalRecovery recovery;

    private AuditJournal(
            Path directory,
            TreeHeadSigner signer,
            JournalSettings settings,
            FileChannel lockChannel,
            FileLock lock,
            MerkleTree tree,
            List<Segment> segments,
            JournalScan scan) {
        this.directory = directory;
        this.publicKey = signer.publicKey();
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.tree = tree;
        this.segments = segments;
        this.recovery = scan.recovery();
        this.queue = new AppendQueue(settings.maxPendingEntries());
        this.syncer = new JournalSyncer(recovery.entries(), scan.latestHead());
        this.writer =
                new JournalWriter(queue, syncer, tree, signer, settings, segments, scan.lastChannel(), scan.lastEnd());
        this.writerThread = new Thread(writer, "audit-journal-writer " + directory.getFileName());
        this.syncerThread = new Thread(syncer, "audit-journal-syncer " + directory.getFileName());
        writerThread.setDaemon(true);
        syncerThread.setDaemon(true);
    }

    /** {@link #open(Path, TreeHeadSigner, JournalSettings)} with {@link JournalSettings#defaults()}. */
    public static AuditJournal open(Path directory, TreeHeadSigner signer) {
        return open(directory, signer, JournalSettings.defaults());
    }

    /**
     * Opens the journal in {@code directory}, creating both if absent, and recovers it.
     *
     * @throws JournalCorrupted if a record other than a torn final one is damaged or out of place
     * @throws IllegalStateException if another journal has the directory open, or its heads name another key
     * @throws UncheckedIOException if the directory cannot be read or written
     */
    public static AuditJournal open(Path directory, TreeHeadSigner signer, JournalSettings settings) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(settings, "settings");
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(directory);
            lockChannel =
                    FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(lockChannel, directory);
            AuditJournal journal = recover(directory, signer, settings, lockChannel, lock);
            journal.syncerThread.start();
            journal.writerThread.start();
            return journal;
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new UncheckedIOException("cannot open the audit journal in " + directory + ": " + e, e);
        } catch (RuntimeException e) {
            closeQuietly(lockChannel);
            throw e;
        }
    }

    private static AuditJournal recover(
            Path directory, TreeHeadSigner signer, JournalSettings settings, FileChannel lockChannel, FileLock lock)
            throws IOException {
        List<Segment> segments = new CopyOnWriteArrayList<>(Segment.list(directory));
        MerkleTree tree = new MerkleTree();
        JournalScan scan = new JournalScan(tree);
        if (segments.isEmpty()) {
            segments.add(Segment.in(directory, 0));
            segments.get(0).create().close();
        }
        for (int i = 0; i < segments.size(); i++) {
            scan.scan(segments.get(i), i == segments.size() - 1);
        }
        HeadMark latest = scan.latestHead();
        if (latest != null && !latest.head().keyId().equals(signer.publicKey().keyId())) {
            scan.lastChannel().close();
            throw new IllegalStateException("the audit journal in " + directory + " is signed by key "
                    + latest.head().keyId() + ", not by this signer's key "
                    + signer.publicKey().keyId()
                    + "; start a new journal to change keys");
        }
        JournalRecovery recovery = scan.recovery();
        LOG.log(
                recovery.truncated() ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
                "audit journal " + directory + ": " + recovery.summary());
        return new AuditJournal(directory, signer, settings, lockChannel, lock, tree, segments, scan);
    }

    private static FileLock tryLock(FileChannel channel, Path directory) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IllegalStateException("the audit journal in " + directory + " is already open");
        }
        return lock;
    }

    /**
     * Appends a copy of {@code entry}; the future completes with its leaf index once it is durable. Blocks while the
     * writer is {@link JournalSettings#maxPendingEntries()} appends behind.
     *
     * @throws IllegalArgumentException if the entry is longer than {@link JournalDescriptor#MAX_ENTRY_LENGTH}
     * @throws IllegalStateException if the journal is closed
     * @throws JournalFailed if the writer has failed
     */
    public CompletableFuture<Long> append(byte[] entry) {
        Objects.requireNonNull(entry, "entry");
        return enqueue(entry.clone());
    }

    /** Appends {@code event}'s canonical bytes, as {@link #append(byte[])}. */
    public CompletableFuture<Long> append(AuditEvent event) {
        return enqueue(Objects.requireNonNull(event, "event").canonicalBytes());
    }

    /** Appends {@code event} and waits until it is durable; returns its leaf index. */
    public long appendDurably(AuditEvent event) {
        return await(append(event));
    }

    private CompletableFuture<Long> enqueue(byte[] entry) {
        if (entry.length > JournalDescriptor.MAX_ENTRY_LENGTH) {
            throw new IllegalArgumentException("an audit entry of " + entry.length + " bytes is longer than the "
                    + JournalDescriptor.MAX_ENTRY_LENGTH + " allowed");
        }
        CompletableFuture<Long> ack = new CompletableFuture<>();
        queue.add(new AppendQueue.Pending(entry, ack));
        return ack;
    }

    /** The number of durable entries: every size up to it has a root and proofs. */
    public long size() {
        return syncer.durableSize();
    }

    /** The root of the durable entries. */
    public Hash root() {
        return root(size());
    }

    /** The root of the first {@code treeSize} entries, 0 ≤ treeSize ≤ size(). */
    public Hash root(long treeSize) {
        checkDurable(treeSize, "tree size");
        synchronized (tree) {
            return tree.root(treeSize);
        }
    }

    /** The leaf hash of entry {@code leafIndex}, below size(). */
    public Hash leafHash(long leafIndex) {
        checkDurable(leafIndex + 1, "leaf index + 1");
        synchronized (tree) {
            return tree.leafHash(leafIndex);
        }
    }

    /** The audit path of entry {@code leafIndex} in the tree of the first {@code treeSize} entries (≤ size()). */
    public InclusionProof inclusionProof(long leafIndex, long treeSize) {
        checkDurable(treeSize, "tree size");
        synchronized (tree) {
            return tree.inclusionProof(leafIndex, treeSize);
        }
    }

    /** The proof that the tree of {@code oldSize} entries is a prefix of that of {@code newSize} (≤ size()). */
    public ConsistencyProof consistencyProof(long oldSize, long newSize) {
        checkDurable(newSize, "new size");
        synchronized (tree) {
            return tree.consistencyProof(oldSize, newSize);
        }
    }

    private void checkDurable(long treeSize, String what) {
        long durable = size();
        if (treeSize > durable) {
            throw new IllegalArgumentException(
                    what + " " + treeSize + " is beyond the " + durable + " durable entries of the audit journal");
        }
    }

    /** The latest durable signed tree head; empty only before the first has been written. */
    public Optional<SignedTreeHead> latestHead() {
        HeadMark mark = syncer.latestHead();
        return mark == null ? Optional.empty() : Optional.of(mark.head());
    }

    /**
     * A durable signed tree head covering at least every entry durable when called, signing one now unless the
     * latest already does; waits for it.
     */
    public SignedTreeHead signHeadNow() {
        return await(queue.requestHead()).head();
    }

    /**
     * Writes an export ({@link ExportDescriptor}) of every entry and head up to a head covering at least every entry
     * durable when called, to {@code target}, which must not exist; returns that head, which also closes the export.
     * Appends go on meanwhile.
     */
    public SignedTreeHead exportTo(Path target) {
        Objects.requireNonNull(target, "target");
        HeadMark mark = await(queue.requestHead());
        try {
            ExportFormat.write(target, segments, mark);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export the audit journal to " + target + ": " + e, e);
        }
        return mark.head();
    }

    /**
     * An export up to a head covering at least every entry durable when called (signing one now unless the latest
     * already does), to be written to any channel, e.g. streamed over HTTP. Appends go on meanwhile.
     */
    public JournalExport export() {
        return new JournalExport(segments, await(queue.requestHead()));
    }

    /**
     * A cursor over the durable records from entry {@code fromIndex} on (and the heads of that size and larger).
     *
     * @throws IllegalArgumentException if {@code fromIndex} is negative or beyond {@link #size()}
     */
    public JournalCursor cursor(long fromIndex) {
        if (fromIndex < 0 || fromIndex > size()) {
            throw new IllegalArgumentException(
                    "entry index " + fromIndex + " is not within the " + size() + " durable entries of the journal");
        }
        return new JournalCursor(this, segments, fromIndex);
    }

    /** What opening found on disk. */
    public JournalRecovery recovery() {
        return recovery;
    }

    /** The key the journal's heads verify with. */
    public TreeHeadPublicKey publicKey() {
        return publicKey;
    }

    /** The journal's directory. */
    public Path directory() {
        return directory;
    }

    /**
     * Refuses new appends, makes every waiting one durable, signs a last head if some entry has none, and closes the
     * files. Idempotent.
     */
    @Override
    public void close() {
        queue.close();
        boolean interrupted = join(writerThread) | join(syncerThread);
        try {
            writer.closeChannel();
            if (lock.isValid()) {
                lock.release();
            }
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the audit journal lock in " + directory, e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Joins {@code thread}, however often interrupted; returns whether it was. */
    private static boolean join(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // reporting the failure that got us here matters more
            }
        }
    }

    @Override
    public String toString() {
        return "AuditJournal[" + directory + ", size=" + size() + "]";
    }
}
