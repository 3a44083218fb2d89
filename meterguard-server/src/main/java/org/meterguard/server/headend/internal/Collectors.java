package org.meterguard.server.headend.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.meterguard.dlms.CollectorMessage;
import org.meterguard.dlms.PushAcknowledgement;
import org.meterguard.server.alerts.Alert;
import org.meterguard.server.alerts.Alerts;
import org.meterguard.server.meters.RegisteredMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What the head-end knows of collectors and what it makes of their alarms: connections and heartbeats are
 * recorded (heartbeats in memory, written every few seconds), a collector's own alarm becomes an alert, and so
 * does a meter heard through another collector than its home one. Database work runs on one background thread,
 * never on the network threads.
 */
@Component
class Collectors implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(Collectors.class);

    private record Seen(Instant at, long metersInRange, String peer) {}

    private final JdbcClient jdbc;
    private final Alerts alerts;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "headend-collectors");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    Collectors(JdbcClient jdbc, Alerts alerts) {
        this.jdbc = jdbc;
        this.alerts = alerts;
    }

    /** A collector completed its handshake. */
    void connected(String collector, String peer) {
        log.info("Collector {} connected from {}", collector, peer);
        seen.put(collector, new Seen(Instant.now(), -1, peer));
        background.execute(this::flush);
    }

    /** Handles a collector's own message; the future completes when it is recorded. */
    CompletableFuture<PushAcknowledgement> message(String collector, CollectorMessage message) {
        seen.put(collector, new Seen(Instant.now(), message.metersInRange(), null));
        if (message.kind() == CollectorMessage.Kind.HEARTBEAT) {
            return CompletableFuture.completedFuture(message.acknowledgement(PushAcknowledgement.Status.ACCEPTED));
        }
        return CompletableFuture.supplyAsync(
                () -> {
                    alerts.raise(
                            "COLLECTOR_" + message.alarm().name(),
                            severityOf(message.alarm()),
                            "collector:" + collector,
                            "collector " + collector + " reported "
                                    + message.alarm().name().toLowerCase().replace('_', ' ') + " at "
                                    + message.sentAt(),
                            message.sentAt());
                    return message.acknowledgement(PushAcknowledgement.Status.ACCEPTED);
                },
                background);
    }

    private static Alert.Severity severityOf(CollectorMessage.Alarm alarm) {
        return switch (alarm) {
            case ENCLOSURE_OPENED, TILT -> Alert.Severity.CRITICAL;
            case POWER_LOST -> Alert.Severity.WARNING;
            default -> Alert.Severity.INFO;
        };
    }

    /** A meter was heard through {@code collector} while its home collector is {@code home}. */
    void heardElsewhere(RegisteredMeter meter, String collector, String home) {
        background.execute(() -> alerts.raise(
                "METER_HEARD_VIA_UNEXPECTED_COLLECTOR",
                Alert.Severity.WARNING,
                "meter:" + meter.meterId(),
                "meter " + meter.meterId() + " was heard through collector " + collector + ", not its home collector "
                        + home + " (moved, or a relay in between)",
                Instant.now()));
    }

    /** Runs {@code task} on the background thread. */
    void later(Runnable task) {
        background.execute(task);
    }

    @Scheduled(fixedDelay = 5_000)
    void flush() {
        for (Map.Entry<String, Seen> entry : Map.copyOf(seen).entrySet()) {
            seen.remove(entry.getKey(), entry.getValue());
            Seen s = entry.getValue();
            try {
                jdbc.sql("""
                                INSERT INTO collector (collector_id, last_seen_at, last_peer_address, meters_in_range)
                                VALUES (?, ?, ?, ?)
                                ON CONFLICT (collector_id) DO UPDATE
                                   SET last_seen_at = GREATEST(collector.last_seen_at, EXCLUDED.last_seen_at),
                                       last_peer_address = COALESCE(EXCLUDED.last_peer_address,
                                                                    collector.last_peer_address),
                                       meters_in_range = COALESCE(EXCLUDED.meters_in_range, collector.meters_in_range)""")
                        .params(
                                entry.getKey(),
                                java.sql.Timestamp.from(s.at()),
                                s.peer(),
                                s.metersInRange() < 0 ? null : s.metersInRange())
                        .update();
            } catch (RuntimeException e) {
                log.warn("Could not record collector {}: {}", entry.getKey(), e.getMessage());
            }
        }
    }

    @Override
    public void destroy() {
        background.shutdown();
    }
}
