package org.meterguard.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The verifier's answer about one export.
 *
 * @param outcome what it concluded
 * @param message one line for people, naming the entry index, head and byte offset at fault
 * @param entryIndex the index of the first entry not as the log wrote it (the first missing or displaced one, or the
 *     first of the range a mismatching head covers); empty if the fault is not an entry's
 * @param headNumber the signed tree head at fault, counted from 0 in the order of the export; empty if none is
 * @param verifiedEntries how many entries, from 0, are proven by a genuine head whose root they match
 * @param verifiedRoot that head's root; empty if none was proven
 */
public record VerificationResult(
        VerificationOutcome outcome,
        String message,
        OptionalLong entryIndex,
        OptionalLong headNumber,
        long verifiedEntries,
        Optional<Hash> verifiedRoot) {
    /** Checks for nulls. */
    public VerificationResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(entryIndex, "entryIndex");
        Objects.requireNonNull(headNumber, "headNumber");
        Objects.requireNonNull(verifiedRoot, "verifiedRoot");
    }

    /** Whether the export verified. */
    public boolean verified() {
        return outcome == VerificationOutcome.VERIFIED;
    }
}
