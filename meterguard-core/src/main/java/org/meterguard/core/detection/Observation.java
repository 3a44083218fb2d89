package org.meterguard.core.detection;

import java.util.List;
import java.util.Optional;

/**
 * What observing one record gave: its findings, and the state the caller should keep so that the detector can be
 * restored after a restart ({@link UnusualActivity#restore}).
 *
 * @param findings what is unusual, possibly nothing
 * @param touch the read to remember for bulk-access windows and baselines: a user's first read of a customer within
 *     the hour
 * @param userChange the change to a user to remember, if it was one
 */
public record Observation(List<Finding> findings, Optional<Touch> touch, Optional<UserChange> userChange) {
    public Observation {
        findings = List.copyOf(findings);
    }
}
