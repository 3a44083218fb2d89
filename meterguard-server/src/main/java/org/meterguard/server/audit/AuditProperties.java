package org.meterguard.server.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.meterguard.audit.JournalSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where and how the audit journal is kept.
 *
 * @param directory the journal's segment files; the tamper-evident log itself
 * @param signingKey the Ed25519 tree head signing key, wrapped under the key-encryption key; created on first start
 *     (with the public key beside it as {@code <file>.pub.pem})
 * @param headEveryEntries sign a tree head after this many entries
 * @param headInterval and at least this often while some entry has none (at most 1 hour)
 * @param segmentSize start a new segment file beyond this size
 * @param projectionBatch the most entries the PostgreSQL projection stores in one transaction
 * @param projectionWait how long a reader that needs the projection current waits for it before failing
 */
@ConfigurationProperties("meterguard.audit")
public record AuditProperties(
        Path directory,
        Path signingKey,
        @DefaultValue("10000") long headEveryEntries,
        @DefaultValue("1s") Duration headInterval,
        @DefaultValue("256MB") DataSize segmentSize,
        @DefaultValue("5000") int projectionBatch,
        @DefaultValue("10s") Duration projectionWait) {

    /** The journal settings these properties make; an error names a value out of range. */
    public JournalSettings journalSettings() {
        return JournalSettings.defaults()
                .withHeadEveryEntries(headEveryEntries)
                .withHeadInterval(headInterval)
                .withSegmentBytes(segmentSize.toBytes());
    }
}
