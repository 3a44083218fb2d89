package org.meterguard.server.detection;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.meterguard.server.alerts.Alerts;
import org.meterguard.server.detection.internal.DetectionStore;
import org.meterguard.server.detection.internal.Tally;
import org.meterguard.server.headend.SecurityEventLog;
import org.meterguard.server.meters.KeyChanges;
import org.meterguard.server.web.BadRequest;
import org.springframework.stereotype.Service;

/**
 * The security report for any period of whole hours: accesses by role, purpose and decision, denials, failed
 * sign-ins and lockouts, role changes and terminations, exports (all from the detector's hourly tallies of the
 * audit log), meter key changes and the head-end's security events, and the alerts raised.
 */
@Service
public class SecurityReports {
    private final DetectionStore store;
    private final Alerts alerts;
    private final SecurityEventLog securityEvents;
    private final KeyChanges keyChanges;

    SecurityReports(DetectionStore store, Alerts alerts, SecurityEventLog securityEvents, KeyChanges keyChanges) {
        this.store = store;
        this.alerts = alerts;
        this.securityEvents = securityEvents;
        this.keyChanges = keyChanges;
    }

    /** The report for [{@code from}, {@code to}), both whole hours. */
    public SecurityReport report(Instant from, Instant to) {
        for (Instant bound : new Instant[] {from, to}) {
            if (!bound.truncatedTo(ChronoUnit.HOURS).equals(bound)) {
                throw new BadRequest("report period bound " + bound + " must be a whole hour (UTC), since accesses"
                        + " are tallied per hour");
            }
        }
        if (!to.isAfter(from)) {
            throw new BadRequest("report period ends at " + to + ", not after its start " + from);
        }
        Map<Tally.Key, Long> tallies = store.tallies(from, to);
        Predicate<Tally.Key> access = k -> "ACCESS".equals(k.category());
        Predicate<Tally.Key> denied = access.and(k -> "DENY".equals(k.decision()));
        return new SecurityReport(
                from,
                to,
                new SecurityReport.Accesses(
                        sum(tallies, access),
                        by(tallies, access, Tally.Key::role),
                        by(tallies, access, Tally.Key::purpose),
                        by(tallies, access, Tally.Key::decision)),
                new SecurityReport.Counted(sum(tallies, denied), by(tallies, denied, Tally.Key::role)),
                sum(tallies, k -> "SIGN_IN_FAILED".equals(k.category())),
                sum(tallies, k -> "SIGN_IN_FAILED".equals(k.category()) && "sign-in-locked".equals(k.decision())),
                sum(tallies, k -> "ROLE_CHANGE".equals(k.category())),
                sum(tallies, k -> "TERMINATION".equals(k.category())),
                sum(tallies, k -> "EXPORT".equals(k.category())),
                keyChanges.count(from, to),
                securityEvents.occurrencesByKind(from, to),
                alerts.tally(from, to));
    }

    private static long sum(Map<Tally.Key, Long> tallies, Predicate<Tally.Key> which) {
        return tallies.entrySet().stream()
                .filter(e -> which.test(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    private static Map<String, Long> by(
            Map<Tally.Key, Long> tallies, Predicate<Tally.Key> which, Function<Tally.Key, String> field) {
        Map<String, Long> out = new TreeMap<>();
        tallies.forEach((key, n) -> {
            if (which.test(key)) {
                out.merge(field.apply(key).isEmpty() ? "(none)" : field.apply(key), n, Long::sum);
            }
        });
        return out;
    }
}
