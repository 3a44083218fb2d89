package org.meterguard.audit;

/** What the verifier concluded about an export, each with the command line's exit code. */
public enum VerificationOutcome {
    /** Every entry is there, unaltered and in order, and every signed tree head is genuine and matches. */
    VERIFIED(0, "verified"),
    /** The file is not an export of a version this verifier reads, or holds something an export never does. */
    MALFORMED(3, "malformed export"),
    /** An entry's bytes differ from what the log hashed. */
    ENTRY_CHANGED(4, "entry changed"),
    /** An entry is absent: deleted, or cut out before a signed tree head. */
    ENTRY_MISSING(5, "entry missing"),
    /** Entries (or a signed tree head) are out of order, or an entry appears twice. */
    ENTRIES_REORDERED(6, "entries reordered"),
    /** The export ends early: cut off, or shorter than a trusted tree head. */
    TRUNCATED(7, "export truncated"),
    /** A signed tree head is damaged, forged, altered or signed by another key. */
    HEAD_INVALID(8, "signed tree head invalid");

    private final int exitCode;
    private final String label;

    VerificationOutcome(int exitCode, String label) {
        this.exitCode = exitCode;
        this.label = label;
    }

    /** The exit code of {@link AuditVerifyMain} for this outcome. */
    public int exitCode() {
        return exitCode;
    }

    /** A few words for people. */
    public String label() {
        return label;
    }
}
