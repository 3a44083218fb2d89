package org.meterguard.server.aggregates;

import java.time.Instant;
import java.util.Objects;
import org.meterguard.core.aggregates.AggregateRelease;

/**
 * A recorded aggregate release.
 *
 * @param releaseId its number
 * @param releasedAt when
 * @param request what it covers
 * @param policy the anonymity policy applied
 * @param release the released and suppressed cells and the totals
 * @param sha256 the SHA-256 of the release's canonical text (hex): equal for equal inputs
 * @param rowsRead day rows streamed from the store
 * @param rowsUnattributed day rows of meters with no occupied service point that day, left out
 */
public record ReleaseOutcome(
        long releaseId,
        Instant releasedAt,
        String request,
        String policy,
        AggregateRelease release,
        String sha256,
        long rowsRead,
        long rowsUnattributed) {
    public ReleaseOutcome {
        Objects.requireNonNull(release, "release");
    }
}
