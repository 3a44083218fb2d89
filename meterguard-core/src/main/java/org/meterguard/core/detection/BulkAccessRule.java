package org.meterguard.core.detection;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bulk access: the distinct customers one user reads within a clock hour (UTC) against a threshold that is the
 * largest of the configured minimum, the factor times the user's own baseline and the factor times their peers'
 * (same role). A user without history is measured against their peers. It fires when the count reaches the
 * threshold and again at each further multiple of it.
 */
final class BulkAccessRule {
    private static final class Window {
        final Instant hour;
        final String role;
        final Set<String> subjects = new HashSet<>();
        final List<Evidence> evidence = new ArrayList<>();

        Window(Instant hour, String role) {
            this.hour = hour;
            this.role = role;
        }
    }

    private final DetectionSettings settings;
    private final Map<String, Window> windows = new HashMap<>();
    private Baselines baselines = Baselines.none();
    private Instant prunedBefore = Instant.MIN;

    BulkAccessRule(DetectionSettings settings) {
        this.settings = settings;
    }

    void baselines(Baselines baselines) {
        this.baselines = baselines;
    }

    /** Puts back a read kept from before a restart. */
    void restore(Touch touch) {
        add(touch.actor(), touch.role(), touch.hour(), touch.subject(), Evidence.auditEntry(touch.seq()));
    }

    /**
     * Counts {@code record} if it is a permitted covered read of a customer; returns it as a touch then, unless the
     * user already read that customer within the hour (one touch per user, customer and hour is all the windows and
     * baselines count, and a customer at their own dashboard reads their account many times an hour).
     */
    Optional<Touch> observe(AccessRecord record, List<Finding> findings) {
        if (!record.coveredRead() || record.denied() || !record.concernsCustomer()) {
            return Optional.empty();
        }
        Instant hour = record.at().truncatedTo(ChronoUnit.HOURS);
        Window current = windows.get(record.actor());
        if (current != null && current.hour.equals(hour) && current.subjects.contains(record.subject())) {
            return Optional.empty();
        }
        Window window = add(record.actor(), record.role(), hour, record.subject(), record.evidence());
        if (window != null) {
            int threshold = threshold(record.actor(), record.role());
            int count = window.subjects.size();
            if (count >= threshold && count % threshold == 0) {
                findings.add(new Finding(
                        FindingKind.BULK_ACCESS,
                        count >= 3 * threshold ? Severity.CRITICAL : Severity.WARNING,
                        record.actorSubject(),
                        record.actor() + " (" + record.role() + ") read " + count + " customers within the hour from "
                                + hour + "; threshold " + threshold,
                        record.at(),
                        window.evidence));
            }
        }
        return Optional.of(new Touch(record.actor(), record.role(), hour, record.subject(), record.seq()));
    }

    /** The bulk threshold for {@code actor} in {@code role} under the current baselines. */
    int threshold(String actor, String role) {
        Optional<Double> peers = baselines.peers(actor, role);
        Optional<Double> own = baselines.user(actor, role).or(() -> peers);
        double factor = settings.bulkBaselineFactor();
        long fromOwn = own.map(b -> (long) Math.ceil(factor * b)).orElse(0L);
        long fromPeers = peers.map(b -> (long) Math.ceil(factor * b)).orElse(0L);
        return (int)
                Math.min(Integer.MAX_VALUE, Math.max(settings.bulkMinimumCustomers(), Math.max(fromOwn, fromPeers)));
    }

    /** Adds a subject to the actor's window; returns the window when the subject was new to it, else null. */
    private Window add(String actor, String role, Instant hour, String subject, Evidence evidence) {
        Window window = windows.get(actor);
        if (window == null || window.hour.isBefore(hour)) {
            window = new Window(hour, role);
            windows.put(actor, window);
        } else if (window.hour.isAfter(hour)) {
            return null; // a late record of an hour already closed
        }
        if (!window.subjects.add(subject)) {
            return null;
        }
        if (window.evidence.size() < settings.evidenceLimit()) {
            window.evidence.add(evidence);
        }
        return window;
    }

    /** Forgets windows of hours before {@code hour}. */
    void prune(Instant hour) {
        if (!hour.isAfter(prunedBefore)) {
            return;
        }
        prunedBefore = hour;
        windows.values().removeIf(w -> w.hour.isBefore(hour));
    }
}
