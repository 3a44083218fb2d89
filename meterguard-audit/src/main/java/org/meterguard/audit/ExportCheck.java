package org.meterguard.audit;

import static org.meterguard.audit.JournalDescriptor.PAYLOAD_OFFSET;
import static org.meterguard.audit.JournalDescriptor.TYPE_ENTRY;
import static org.meterguard.audit.JournalDescriptor.TYPE_EXPORT_END;
import static org.meterguard.audit.JournalDescriptor.TYPE_OFFSET;
import static org.meterguard.audit.JournalDescriptor.TYPE_TREE_HEAD;
import static org.meterguard.audit.VerificationOutcome.ENTRIES_REORDERED;
import static org.meterguard.audit.VerificationOutcome.ENTRY_CHANGED;
import static org.meterguard.audit.VerificationOutcome.ENTRY_MISSING;
import static org.meterguard.audit.VerificationOutcome.HEAD_INVALID;
import static org.meterguard.audit.VerificationOutcome.MALFORMED;
import static org.meterguard.audit.VerificationOutcome.TRUNCATED;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One verification of one export (see {@link ExportVerifier}): a single pass over the records, the leaf hashes folded
 * into a {@link CompactRange}, each head checked where it stands. The first fault ends the pass.
 */
final class ExportCheck {
    private static final int READ_BUFFER = 8 << 20;

    private final Path export;
    private final TreeHeadVerifier heads;
    private final SignedTreeHead trustedHead;
    private final LeafAccumulator range;
    private final byte[] root = new byte[Hash.LENGTH];

    private FileChannel channel;
    private RecordReader reader;
    private long headCount;
    private SignedTreeHead lastHead;
    private long verifiedEntries;
    private Hash verifiedRoot;

    ExportCheck(Path export, TreeHeadVerifier heads, SignedTreeHead trustedHead, int threads) {
        this.export = export;
        this.heads = heads;
        this.trustedHead = trustedHead;
        this.range = threads > 1 ? new ParallelLeaves(threads) : new CompactRange();
    }

    VerificationResult run() throws IOException {
        try (FileChannel file = FileChannel.open(export, StandardOpenOption.READ)) {
            channel = file;
            VerificationResult bad = checkHeader();
            if (bad == null) {
                bad = checkTrustedHeadSignature();
            }
            return bad != null ? bad : checkRecords();
        } finally {
            range.close();
        }
    }

    private VerificationResult checkHeader() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(ExportDescriptor.HEADER_LENGTH);
        while (header.hasRemaining() && channel.read(header, header.position()) >= 0) {
            // read until full or at the end
        }
        if (header.hasRemaining()) {
            return fail(
                    MALFORMED, null, null, "the file is " + channel.size() + " bytes, shorter than an export header");
        }
        String problem = ExportFormat.headerProblem(header.array());
        if (problem != null) {
            return fail(MALFORMED, null, null, "the file is not an audit export: " + problem);
        }
        reader = new RecordReader(channel, ExportDescriptor.HEADER_LENGTH, channel.size(), READ_BUFFER);
        return null;
    }

    private VerificationResult checkTrustedHeadSignature() {
        if (trustedHead == null) {
            return null;
        }
        if (!heads.verifies(trustedHead)) {
            return fail(
                    HEAD_INVALID,
                    null,
                    null,
                    "the trusted head given beside the export (tree size " + trustedHead.treeSize()
                            + ") is not signed by this key");
        }
        return trustedHead.treeSize() == 0 ? checkTrustedRoot() : null;
    }

    /** The loop over records: entries inline (the hot path), everything else out of line. */
    private VerificationResult checkRecords() throws IOException {
        long trustedSize = trustedHead == null ? -1 : trustedHead.treeSize();
        while (true) {
            RecordReader.Status status = reader.next();
            if (status != RecordReader.Status.RECORD || !reader.crcValid()) {
                return unreadableRecord(status);
            }
            byte type = reader.type();
            if (type == TYPE_ENTRY && reader.position() == range.size()) {
                range.appendLeafInput(reader.array(), reader.recordOffset() + TYPE_OFFSET, 1 + reader.payloadLength());
                if (range.size() == trustedSize) {
                    VerificationResult bad = checkTrustedRoot();
                    if (bad != null) {
                        return bad;
                    }
                }
            } else if (type == TYPE_ENTRY) {
                return sequenceBroken(reader.position(), "entry " + reader.position(), null);
            } else if (type == TYPE_TREE_HEAD || type == TYPE_EXPORT_END) {
                VerificationResult bad = checkHead();
                if (bad != null || type == TYPE_EXPORT_END) {
                    return bad != null ? bad : closed();
                }
            } else {
                return fail(
                        MALFORMED,
                        entries(),
                        null,
                        "the record at byte " + reader.recordFileOffset() + ", where entry " + range.size()
                                + " or a signed head should be, has unknown type " + type);
            }
        }
    }

    private VerificationResult unreadableRecord(RecordReader.Status status) {
        long at = reader.recordFileOffset();
        long n = range.size();
        return switch (status) {
            case END ->
                fail(
                        TRUNCATED,
                        entries(),
                        null,
                        "the export ends after " + n + " entries (byte " + at
                                + ") without its closing signed tree head: it was cut short");
            case INCOMPLETE ->
                fail(
                        TRUNCATED,
                        entries(),
                        null,
                        "the export ends inside the record at byte " + at + ", where entry " + n
                                + " or a signed head should be: it was cut short");
            case BAD_LENGTH ->
                fail(
                        ENTRY_CHANGED,
                        entries(),
                        null,
                        "the record at byte " + at + ", where entry " + n
                                + " should be, claims an impossible length: it was altered");
            case RECORD -> damagedRecord(at, n);
        };
    }

    private VerificationResult damagedRecord(long at, long n) {
        byte type = reader.type();
        if (type == TYPE_TREE_HEAD || type == TYPE_EXPORT_END) {
            return fail(
                    HEAD_INVALID,
                    entries(),
                    headCount,
                    "signed tree head #" + headCount + " (byte " + at + ", after entry " + (n - 1)
                            + ") is damaged or altered: its record's CRC does not match");
        }
        return fail(
                ENTRY_CHANGED,
                entries(),
                null,
                "entry " + n + " (byte " + at + ") is damaged or altered: its record's CRC does not match");
    }

    /**
     * A record that claims to follow {@code position} entries where {@code range.size()} precede it: entries are
     * missing if the expected entry appears nowhere later, out of order if it does, repeated if the claim is lower.
     */
    private VerificationResult sequenceBroken(long position, String what, Long head) throws IOException {
        long expected = range.size();
        long at = reader.recordFileOffset();
        if (position < expected) {
            return fail(
                    ENTRIES_REORDERED,
                    entries(),
                    head,
                    what + " (byte " + at + ") appears after entry " + (expected - 1)
                            + ": it is repeated or out of order");
        }
        if (entryAppearsFrom(at, expected)) {
            return fail(
                    ENTRIES_REORDERED,
                    entries(),
                    head,
                    "entry " + expected + " is out of order: " + what + " stands in its place (byte " + at
                            + ") and entry " + expected + " comes later");
        }
        String missing = position - expected == 1
                ? "entry " + expected + " is missing"
                : "entries " + expected + " to " + (position - 1) + " are missing";
        return fail(
                ENTRY_MISSING,
                entries(),
                head,
                missing + ": " + what + " (byte " + at + ") follows entry " + (expected - 1));
    }

    /** Whether an entry record at {@code position} starts anywhere in the chain of records from {@code from}. */
    private boolean entryAppearsFrom(long from, long position) throws IOException {
        RecordReader ahead = new RecordReader(channel, from, channel.size(), READ_BUFFER);
        while (ahead.next() == RecordReader.Status.RECORD) {
            if (ahead.type() == TYPE_ENTRY && ahead.position() == position) {
                return true;
            }
        }
        return false;
    }

    /** Checks the head record under the reader; null if it is genuine, in place and matches the entries. */
    private VerificationResult checkHead() throws IOException {
        long number = headCount++;
        long at = reader.recordFileOffset();
        String which = "signed tree head #" + number + " (byte " + at + ")";
        SignedTreeHead head;
        try {
            head = SignedTreeHead.decode(
                    reader.array(), reader.recordOffset() + PAYLOAD_OFFSET, reader.payloadLength());
        } catch (IllegalArgumentException e) {
            return fail(HEAD_INVALID, entries(), number, which + " is malformed: " + e.getMessage());
        }
        VerificationResult bad = checkSignature(head, number, which);
        if (bad == null && head.treeSize() != range.size()) {
            String what = "signed tree head #" + number + " for " + head.treeSize() + " entries";
            bad = sequenceBroken(head.treeSize(), what, number);
        }
        if (bad == null && reader.position() != head.treeSize()) {
            bad = fail(
                    MALFORMED,
                    entries(),
                    number,
                    which + " says in its record that it follows " + reader.position()
                            + " entries, but it is signed for " + head.treeSize());
        }
        return bad != null ? bad : checkHeadRoot(head, number, which);
    }

    private VerificationResult checkSignature(SignedTreeHead head, long number, String which) {
        if (!heads.namesThisKey(head)) {
            return fail(
                    HEAD_INVALID,
                    entries(),
                    number,
                    which + " for " + head.treeSize() + " entries is signed by"
                            + " key " + head.keyId() + ", not by the given key "
                            + heads.publicKey().keyId()
                            + ": it was replaced");
        }
        if (heads.verifies(head)) {
            return null;
        }
        String rootNote = "";
        if (head.treeSize() == range.size()) {
            range.root(root, 0);
            rootNote = head.rootHash().equalsBytes(root, 0)
                    ? " (its root matches the entries; its size, time or signature was altered)"
                    : " (its root " + head.rootHash() + " is not the entries' root " + Hash.of(root, 0)
                            + ": the root was altered)";
        }
        return fail(
                HEAD_INVALID,
                entries(),
                number,
                which + " for " + head.treeSize() + " entries does not verify:" + " it is forged or altered"
                        + rootNote);
    }

    private VerificationResult checkHeadRoot(SignedTreeHead head, long number, String which) {
        range.root(root, 0);
        if (!head.rootHash().equalsBytes(root, 0)) {
            long from = verifiedEntries;
            return fail(
                    ENTRY_CHANGED,
                    OptionalLong.of(from),
                    number,
                    "entries " + from + " to "
                            + (head.treeSize() - 1) + " do not have the root signed by " + which + ": one of them was"
                            + " altered, inserted or removed, with its record rewritten to fit");
        }
        if (lastHead != null && head.timestampMillis() < lastHead.timestampMillis()) {
            return fail(
                    HEAD_INVALID,
                    entries(),
                    number,
                    which + " is timed " + head.timestamp() + ", before the head ahead of it (" + lastHead.timestamp()
                            + ")");
        }
        lastHead = head;
        verifiedEntries = head.treeSize();
        verifiedRoot = head.rootHash();
        return null;
    }

    /** The export's closing head has passed; nothing may follow it, and it must reach any trusted head. */
    private VerificationResult closed() throws IOException {
        long after = reader.nextFileOffset();
        if (after != channel.size()) {
            return fail(
                    MALFORMED,
                    null,
                    headCount - 1,
                    (channel.size() - after) + " bytes follow the closing signed tree head at byte "
                            + reader.recordFileOffset());
        }
        if (trustedHead != null && trustedHead.treeSize() > range.size()) {
            return fail(
                    TRUNCATED,
                    entries(),
                    null,
                    "the export holds " + range.size() + " entries, but the trusted" + " head covers "
                            + trustedHead.treeSize() + ": it was cut short and re-closed with an earlier head");
        }
        return new VerificationResult(
                VerificationOutcome.VERIFIED,
                "OK: " + range.size() + " entries and " + headCount + " signed tree heads; tree size "
                        + lastHead.treeSize() + ", root " + lastHead.rootHash() + ", signed " + lastHead.timestamp()
                        + " by key " + lastHead.keyId(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                verifiedEntries,
                Optional.of(verifiedRoot));
    }

    private VerificationResult checkTrustedRoot() {
        range.root(root, 0);
        if (trustedHead.rootHash().equalsBytes(root, 0)) {
            return null;
        }
        return fail(
                ENTRY_CHANGED,
                OptionalLong.of(verifiedEntries),
                null,
                "the first " + trustedHead.treeSize()
                        + " entries of the export do not have the root of the trusted head: an entry from "
                        + verifiedEntries
                        + " to " + (trustedHead.treeSize() - 1) + " was altered, or the log was rewritten");
    }

    private OptionalLong entries() {
        return OptionalLong.of(range.size());
    }

    private VerificationResult fail(VerificationOutcome outcome, OptionalLong entry, Long head, String message) {
        return new VerificationResult(
                outcome,
                message,
                entry == null ? OptionalLong.empty() : entry,
                head == null ? OptionalLong.empty() : OptionalLong.of(head),
                verifiedEntries,
                Optional.ofNullable(verifiedRoot));
    }
}
