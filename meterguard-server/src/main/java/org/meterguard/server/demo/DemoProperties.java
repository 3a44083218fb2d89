package org.meterguard.server.demo;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo's settings.
 *
 * @param enabled create demo accounts and a demo fleet on first start, and run the fleet; off in production
 * @param meters how many meters the demo fleet has
 * @param backfillDays how many days of history the fleet pushes when it starts
 * @param pushInterval how often the fleet pushes its newest intervals afterwards
 * @param simulatorDirectory where the simulated meters keep their keys and counters
 */
@ConfigurationProperties("meterguard.demo")
public record DemoProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5") int meters,
        @DefaultValue("7") int backfillDays,
        @DefaultValue("60s") Duration pushInterval,
        Path simulatorDirectory) {}
