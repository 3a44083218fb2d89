package org.meterguard.server.detection;

import java.time.Instant;
import org.meterguard.core.detection.FlagKind;

/**
 * An account (or meter) watched by detection.
 *
 * @param subject {@code account:<id>} or {@code meter:<id>}
 * @param kind employee, VIP or honeytoken
 * @param note why, for the privacy officer and the security auditor
 * @param flaggedBy who flagged it
 * @param flaggedAt when
 */
public record FlaggedAccount(String subject, FlagKind kind, String note, String flaggedBy, Instant flaggedAt) {}
