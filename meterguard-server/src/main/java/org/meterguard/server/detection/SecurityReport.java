package org.meterguard.server.detection;

import java.time.Instant;
import java.util.Map;
import org.meterguard.server.alerts.AlertTally;

/**
 * What happened in a period, for the security auditor.
 *
 * @param from the period's start (a whole hour, UTC)
 * @param to its end, exclusive (a whole hour)
 * @param accesses audited reads of covered information
 * @param denials refused reads of covered information, in all and by role
 * @param failedSignIns refused sign-ins
 * @param lockouts accounts locked after failed sign-ins
 * @param roleChanges users' roles changed
 * @param terminations users disabled
 * @param exports exports and downloads
 * @param keyChanges meter key versions issued by rotation
 * @param securityEvents the head-end's refusals by kind (occurrences)
 * @param alerts alerts first raised in the period
 */
public record SecurityReport(
        Instant from,
        Instant to,
        Accesses accesses,
        Counted denials,
        long failedSignIns,
        long lockouts,
        long roleChanges,
        long terminations,
        long exports,
        long keyChanges,
        Map<String, Long> securityEvents,
        AlertTally alerts) {
    /**
     * Reads of covered information, counted.
     *
     * @param total how many
     * @param byRole per role
     * @param byPurpose per declared purpose
     * @param byDecision per decision (PERMIT, DENY)
     */
    public record Accesses(
            long total, Map<String, Long> byRole, Map<String, Long> byPurpose, Map<String, Long> byDecision) {}

    /**
     * A count and its split by role.
     *
     * @param total how many
     * @param byRole per role
     */
    public record Counted(long total, Map<String, Long> byRole) {}
}
