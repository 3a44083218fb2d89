package org.meterguard.core.detection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A scripted access stream for tests: a clock moved by hand and leaf indexes counted up. */
final class Script {
    private final UnusualActivity detector;
    private final List<Finding> findings = new ArrayList<>();
    private final List<Observation> observations = new ArrayList<>();
    private Instant now;
    private long seq;

    Script(UnusualActivity detector, Instant start) {
        this.detector = detector;
        this.now = start;
    }

    Script at(Instant when) {
        now = when;
        return this;
    }

    Script advance(Duration by) {
        now = now.plus(by);
        return this;
    }

    Instant now() {
        return now;
    }

    long lastSeq() {
        return seq - 1;
    }

    /** A permitted covered read. */
    Script read(String actor, String role, String subject, String purpose, String basis) {
        return record(actor, role, "read-interval-data", subject, purpose, basis, "PERMIT", "10.0.0.5");
    }

    /** A refused covered read. */
    Script refused(String actor, String role, String subject, String purpose, String basis) {
        return record(actor, role, "read-interval-data", subject, purpose, basis, "DENY", "10.0.0.5");
    }

    Script record(
            String actor,
            String role,
            String action,
            String subject,
            String purpose,
            String basis,
            String decision,
            String address) {
        Observation observation = detector.observe(
                new AccessRecord(seq++, now, actor, role, action, subject, purpose, basis, decision, address));
        observations.add(observation);
        findings.addAll(observation.findings());
        return this;
    }

    List<Finding> findings() {
        return findings;
    }

    List<Observation> observations() {
        return observations;
    }

    List<Finding> findings(FindingKind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }
}
