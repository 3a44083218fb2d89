package org.meterguard.server.headend.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.meterguard.dlms.SystemTitle;
import org.meterguard.server.headend.FrameRejected;
import org.meterguard.server.headend.HeadEndProperties;
import org.meterguard.server.headend.RejectionReason;
import org.springframework.stereotype.Component;

/** What every connection handler uses: the checks, the pipeline, the records, and the rate limits. */
@Component
final class HeadEndServices {
    private final HeadEndProperties properties;
    private final FrameVerifier verifier;
    private final IngestPipeline pipeline;
    private final SecurityEvents events;
    private final Collectors collectors;
    private final MeterWatch watch;
    private final RateLimits<String> perCollector;
    private final RateLimits<Long> perMeter;
    private final Counter backpressure;

    HeadEndServices(
            HeadEndProperties properties,
            FrameVerifier verifier,
            IngestPipeline pipeline,
            SecurityEvents events,
            Collectors collectors,
            MeterWatch watch,
            MeterRegistry metrics) {
        this.properties = properties;
        this.verifier = verifier;
        this.pipeline = pipeline;
        this.events = events;
        this.collectors = collectors;
        this.watch = watch;
        this.perCollector = new RateLimits<>(properties.collectorFramesPerSecond(), properties.collectorBurst());
        this.perMeter = new RateLimits<>(properties.meterFramesPerMinute() / 60.0, properties.meterBurst());
        this.backpressure = metrics.counter("meterguard.headend.backpressure.pauses");
    }

    /** Takes a token for the source (collector or peer) and the meter; a flood is refused. */
    void rateLimit(String source, SystemTitle meter) {
        long now = System.nanoTime();
        if (!perCollector.tryAcquire(source, now)) {
            throw new FrameRejected(
                    RejectionReason.RATE_LIMITED,
                    source + " sent more than " + properties.collectorFramesPerSecond() + " frames per second");
        }
        if (!perMeter.tryAcquire(meter.value(), now)) {
            throw new FrameRejected(
                    RejectionReason.RATE_LIMITED,
                    "system title " + meter + " sent more than " + properties.meterFramesPerMinute()
                            + " frames per minute");
        }
    }

    HeadEndProperties properties() {
        return properties;
    }

    FrameVerifier verifier() {
        return verifier;
    }

    IngestPipeline pipeline() {
        return pipeline;
    }

    SecurityEvents events() {
        return events;
    }

    Collectors collectors() {
        return collectors;
    }

    MeterWatch watch() {
        return watch;
    }

    Counter backpressure() {
        return backpressure;
    }
}
