package org.meterguard.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The offline verifier: given an export ({@link ExportDescriptor}) and the log's public key, proves the log complete
 * and unaltered up to the export's closing signed tree head, or names the first entry or head that breaks and how
 * ({@link VerificationOutcome}).
 *
 * <p>It recomputes every leaf hash and the tree root at every signed head's size from the entries alone, checks
 * every head's signature and key, that each head sits right after the entries it covers and has their root (so the
 * heads are consistent with each other: each tree extends the one before), and that the export ends with its
 * closing head and nothing after it. It streams the file once in bounded memory and allocates nothing per entry.
 * One thread does all of it; with more, the others only hash blocks of entries, while every check and every
 * decision stays on the calling thread, in file order.
 *
 * <p>How precisely a fault is located depends on what the forger rewrote. Damage and naive edits break a record's
 * CRC and are named by entry. Deleting, repeating or moving a record breaks the position sequence every record
 * carries, and is named by entry too. An edit whose author also rewrote CRC and positions is caught only by the next
 * signed head's root: the result then names the range of entries that head covers, since nothing signed says more.
 * A shortened export re-closed with an earlier genuine head is caught only against a separately obtained head
 * ({@link #verify(Path, SignedTreeHead)}).
 *
 * <p>Thread-safe; each call works on its own state.
 */
public final class ExportVerifier {
    private final TreeHeadVerifier heads;
    private final int threads;

    /** A verifier that hashes on the calling thread alone. */
    public ExportVerifier(TreeHeadPublicKey key) {
        this(key, 1);
    }

    /**
     * A verifier that hashes on {@code threads} threads: the calling one reads and checks the records in order, the
     * others hash blocks of 4,096 entries (see the class comment for what stays sequential). The result is the same
     * whatever the number.
     */
    public ExportVerifier(TreeHeadPublicKey key, int threads) {
        this.heads = new TreeHeadVerifier(Objects.requireNonNull(key, "key"));
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads " + threads + " must be from 1 to 256");
        }
        this.threads = threads;
    }

    /**
     * Verifies {@code export}.
     *
     * @throws UncheckedIOException if the file cannot be read (not a verification failure)
     */
    public VerificationResult verify(Path export) {
        return run(Objects.requireNonNull(export, "export"), null);
    }

    /**
     * Verifies {@code export} and also that it reaches and agrees with {@code trustedHead}, a head obtained apart from
     * the export; this is what catches an export cut short after an earlier genuine head.
     */
    public VerificationResult verify(Path export, SignedTreeHead trustedHead) {
        return run(Objects.requireNonNull(export, "export"), Objects.requireNonNull(trustedHead, "trustedHead"));
    }

    private VerificationResult run(Path export, SignedTreeHead trustedHead) {
        try {
            return new ExportCheck(export, heads, trustedHead, threads).run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit export " + export + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        return "ExportVerifier[keyId=" + heads.publicKey().keyId() + "]";
    }
}
