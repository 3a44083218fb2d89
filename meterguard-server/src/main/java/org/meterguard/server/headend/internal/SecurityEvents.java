package org.meterguard.server.headend.internal;

import io.micrometer.core.instrument.MeterRegistry;
import org.meterguard.server.headend.FrameRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records what the head-end refused: a row in {@code security_event} for security staff, a log line, and the
 * counter {@code meterguard.headend.frames.rejected} tagged with the reason.
 */
@Component
class SecurityEvents {
    private static final Logger log = LoggerFactory.getLogger(SecurityEvents.class);

    private final JdbcClient jdbc;
    private final MeterRegistry metrics;

    SecurityEvents(JdbcClient jdbc, MeterRegistry metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    void frameRejected(FrameRejected rejection, Long systemTitle, String peer) {
        metrics.counter(
                        "meterguard.headend.frames.rejected",
                        "reason",
                        rejection.reason().name())
                .increment();
        log.warn("Refused a frame from {}: {}", peer, rejection.getMessage());
        try {
            jdbc.sql("""
                            INSERT INTO security_event (kind, system_title, peer_address, detail)
                            VALUES (?, ?, ?, ?)""")
                    .params("FRAME_" + rejection.reason().name(), systemTitle, peer, rejection.getMessage())
                    .update();
        } catch (RuntimeException e) {
            log.error("Could not record the refusal of a frame from {}", peer, e);
        }
    }

    void frameAccepted(int readings) {
        metrics.counter("meterguard.headend.frames.accepted").increment();
        metrics.counter("meterguard.headend.readings.accepted").increment(readings);
    }
}
