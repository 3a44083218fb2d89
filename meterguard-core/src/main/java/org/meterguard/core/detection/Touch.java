package org.meterguard.core.detection;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's permitted covered read of one customer within one hour: what the bulk-access windows and baselines
 * are made of. Kept (first read per user, hour and customer) so that windows survive a restart.
 *
 * @param actor the user
 * @param role their role
 * @param hour the hour's start (UTC)
 * @param subject the customer's account or meter
 * @param seq the audit entry of the read
 */
public record Touch(String actor, String role, Instant hour, String subject, long seq) {
    public Touch {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(hour, "hour");
        Objects.requireNonNull(subject, "subject");
    }
}
