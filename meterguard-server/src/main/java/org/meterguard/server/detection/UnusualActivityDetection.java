package org.meterguard.server.detection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.meterguard.audit.AuditEvent;
import org.meterguard.core.detection.AccessRecord;
import org.meterguard.core.detection.Baselines;
import org.meterguard.core.detection.Finding;
import org.meterguard.core.detection.MeterSecurityEvent;
import org.meterguard.core.detection.Observation;
import org.meterguard.core.detection.RepeatedFinding;
import org.meterguard.core.detection.Touch;
import org.meterguard.core.detection.UnusualActivity;
import org.meterguard.core.detection.UserChange;
import org.meterguard.server.alerts.Alert;
import org.meterguard.server.alerts.Alerts;
import org.meterguard.server.audit.AuditEntryAppended;
import org.meterguard.server.detection.internal.AccessQueue;
import org.meterguard.server.detection.internal.DetectionStore;
import org.meterguard.server.detection.internal.MeterEvents;
import org.meterguard.server.detection.internal.Tally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Runs the detector on one thread of its own: examines queued audit entries every {@code interval}, pulls the
 * head-end's security events and key changes every {@code meterEventsInterval}, recomputes baselines hourly, keeps
 * what must survive a restart, and raises each finding as an alert with its evidence. A batch whose state or alerts
 * cannot be stored is retried, not dropped. Entries appended while detection was not running, or dropped because it
 * fell behind, are reported as an alert naming them.
 */
@Service
public class UnusualActivityDetection implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(UnusualActivityDetection.class);
    private static final String AUDIT = "audit";
    private static final int BATCH = 5_000;
    private static final String SELF = "system:detection";

    private final DetectionProperties properties;
    private final AccessQueue queue;
    private final DetectionStore store;
    private final MeterEvents meterEvents;
    private final Alerts alerts;
    private final UnusualActivity detector;
    private final Clock clock = Clock.systemUTC();
    private final List<RepeatedFinding> unraised = new ArrayList<>();
    private ScheduledExecutorService executor;
    private volatile boolean running;
    private OptionalLong examinedUpTo = OptionalLong.empty();
    private Instant baselinesHour = Instant.MIN;
    private long securityEventCursor;
    private long keyChangeCursor;
    private Instant lastMeterPull = Instant.MIN;

    UnusualActivityDetection(
            DetectionProperties properties,
            AccessQueue queue,
            DetectionStore store,
            MeterEvents meterEvents,
            Alerts alerts,
            FlaggedAccounts flags,
            ThirdPartyScopes thirdParties) {
        this.properties = properties;
        this.queue = queue;
        this.store = store;
        this.meterEvents = meterEvents;
        this.alerts = alerts;
        this.detector = new UnusualActivity(properties.settings(), flags, thirdParties);
    }

    /**
     * Examines everything queued and pulls meters' events now, on the caller's thread; returns how many audit
     * entries and meter events it examined. The scheduled thread calls this; tests and operators may too.
     */
    public synchronized int examineNow() {
        refreshBaselines();
        int examined = 0;
        int batch;
        do { // a full batch: more may be waiting, examined now rather than one batch per interval
            batch = examineAccesses();
            examined += batch;
        } while (batch == BATCH);
        if (!Duration.between(lastMeterPull, clock.instant())
                .minus(properties.meterEventsInterval())
                .isNegative()) {
            examined += examineMeterEvents();
        }
        raise(List.of());
        return examined;
    }

    /** Like {@link #examineNow()}, but pulls meters' events regardless of their interval. */
    public synchronized int examineAllNow() {
        lastMeterPull = Instant.MIN;
        return examineNow();
    }

    private int examineAccesses() {
        reportDropped();
        List<AuditEntryAppended> batch = queue.take(BATCH);
        if (batch.isEmpty()) {
            return 0;
        }
        reportGap(batch);
        List<Touch> touches = new ArrayList<>();
        List<UserChange> changes = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Tally tally = new Tally();
        long highest = -1;
        for (AuditEntryAppended entry : batch) {
            AccessRecord record = record(entry);
            Observation observation = detector.observe(record);
            observation.touch().ifPresent(touches::add);
            observation.userChange().ifPresent(changes::add);
            findings.addAll(observation.findings());
            tally.count(record);
            highest = Math.max(highest, entry.seq());
        }
        keep(touches, changes, tally, highest);
        raise(findings);
        return batch.size();
    }

    private void keep(List<Touch> touches, List<UserChange> changes, Tally tally, long highest) {
        for (int attempt = 1; ; attempt++) {
            try {
                store.keep(touches, changes, tally, AUDIT, highest);
                examinedUpTo = OptionalLong.of(Math.max(highest, examinedUpTo.orElse(-1)));
                return;
            } catch (RuntimeException e) {
                if (!running || attempt == 5) {
                    log.error(
                            "Could not keep detection state up to audit entry {}; windows kept in memory only",
                            highest,
                            e);
                    return;
                }
                sleep(Duration.ofMillis(200L * attempt));
            }
        }
    }

    private int examineMeterEvents() {
        lastMeterPull = clock.instant();
        MeterEvents.Pulled pulled;
        try {
            pulled = meterEvents.after(securityEventCursor, keyChangeCursor, clock.instant());
        } catch (RuntimeException e) {
            log.warn("Could not pull meters' security events: {}", e.getMessage());
            return 0;
        }
        List<Finding> findings = new ArrayList<>();
        for (MeterSecurityEvent event : pulled.events()) {
            findings.add(detector.observe(event));
        }
        raise(findings);
        securityEventCursor = pulled.securityEventCursor();
        keyChangeCursor = pulled.keyChangeCursor();
        store.moveCursor(MeterEvents.SECURITY_EVENTS, securityEventCursor);
        store.moveCursor(MeterEvents.KEY_CHANGES, keyChangeCursor);
        return pulled.events().size();
    }

    /**
     * Raises {@code findings} after any left over from a failed attempt, those of one kind about one subject as one
     * repeated alert ({@link RepeatedFinding}); keeps what fails for the next round.
     */
    private void raise(List<Finding> findings) {
        unraised.addAll(RepeatedFinding.of(findings, Alerts.EVIDENCE_LIMIT));
        while (!unraised.isEmpty()) {
            RepeatedFinding finding = unraised.get(0);
            try {
                alerts.raise(
                        finding.kind().name(),
                        Alert.Severity.valueOf(finding.severity().name()),
                        finding.subject(),
                        finding.detail(),
                        finding.first(),
                        finding.last(),
                        finding.evidence(),
                        finding.occurrences());
            } catch (RuntimeException e) {
                log.warn("Could not raise {} alerts yet: {}", unraised.size(), e.getMessage());
                return;
            }
            unraised.remove(0);
        }
    }

    private void reportDropped() {
        long dropped = queue.takeDropped();
        if (dropped > 0) {
            alerts.raise(
                    "DETECTION_BEHIND",
                    Alert.Severity.CRITICAL,
                    SELF,
                    dropped + " audit entries were not examined: the detection queue was full",
                    clock.instant());
        }
    }

    private void reportGap(List<AuditEntryAppended> batch) {
        if (examinedUpTo.isEmpty()) {
            return;
        }
        long lowest = batch.stream().mapToLong(AuditEntryAppended::seq).min().orElseThrow();
        long expected = examinedUpTo.getAsLong() + 1;
        if (lowest > expected) {
            alerts.raise(
                    "DETECTION_GAP",
                    Alert.Severity.WARNING,
                    SELF,
                    "audit entries " + expected + " to " + (lowest - 1)
                            + " were appended while detection was not running and were not examined",
                    clock.instant());
        }
    }

    private void refreshBaselines() {
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        if (hour.equals(baselinesHour)) {
            return;
        }
        Instant since = hour.minus(Duration.ofDays(properties.baselineDays()));
        try {
            detector.baselines(Baselines.of(store.hourlyCounts(since, hour)));
            store.pruneTouches(since.minus(Duration.ofDays(1)));
            baselinesHour = hour;
        } catch (RuntimeException e) {
            log.warn("Could not recompute detection baselines: {}", e.getMessage());
        }
    }

    static AccessRecord record(AuditEntryAppended entry) {
        AuditEvent e = entry.event();
        return new AccessRecord(
                entry.seq(),
                e.at(),
                e.actor(),
                e.role(),
                e.action(),
                e.subject(),
                e.purpose(),
                e.basis(),
                e.decision(),
                e.clientAddress());
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || running) {
            return;
        }
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        detector.restore(store.touchesSince(hour), store.userChanges());
        examinedUpTo = store.cursor(AUDIT);
        securityEventCursor = store.cursor(MeterEvents.SECURITY_EVENTS).orElse(0);
        keyChangeCursor = store.cursor(MeterEvents.KEY_CHANGES).orElse(0);
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "detection");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(10, properties.interval().toMillis());
        executor.scheduleWithFixedDelay(this::examineQuietly, every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    private void examineQuietly() {
        try {
            examineNow();
        } catch (RuntimeException e) {
            log.error("Detection round failed; it will be retried", e);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService current;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            current = executor;
        }
        current.shutdown();
        try {
            current.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        examineQuietly(); // what was queued before the stop
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
