package org.meterguard.server.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.meterguard.server.headend.HeadEnd;
import org.meterguard.server.headend.HeadEndProperties;
import org.meterguard.server.headend.LabPki;
import org.meterguard.simulator.CounterStore;
import org.meterguard.simulator.FleetFile;
import org.meterguard.simulator.FleetRunner;
import org.meterguard.simulator.LoadShape;
import org.meterguard.simulator.PushBuilder;
import org.meterguard.simulator.SimulatedMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs the demo fleet beside the server: the simulated meters push their last days of load profile to the
 * head-end through the demo collector's mutual TLS connection (plain TCP when TLS is off) when the server starts, then their newest intervals at every push interval. Re-sent
 * intervals are harmless: the store keeps the first copy of each.
 */
@Component
@Order(1)
class DemoFleet implements ApplicationRunner, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(DemoFleet.class);

    private final DemoProperties demo;
    private final HeadEnd headEnd;
    private final HeadEndProperties headEndProperties;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "demo-fleet");
        thread.setDaemon(true);
        return thread;
    });

    DemoFleet(DemoProperties demo, HeadEnd headEnd, HeadEndProperties headEndProperties) {
        this.demo = demo;
        this.headEnd = headEnd;
        this.headEndProperties = headEndProperties;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!demo.enabled()) {
            return;
        }
        List<SimulatedMeter> meters = FleetFile.read(demo.simulatorDirectory().resolve(FirstStart.FLEET_FILE));
        CounterStore counters = CounterStore.open(demo.simulatorDirectory().resolve("counters.properties"));
        FleetRunner runner = new FleetRunner(
                meters,
                counters,
                new PushBuilder(new LoadShape(ZoneId.of("America/Los_Angeles"), Duration.ofMinutes(15))),
                "localhost",
                headEnd.port(),
                Duration.ofSeconds(30),
                collectorTls());
        Instant now = Instant.now();
        push(runner, now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(demo.backfillDays())), now);
        long period = demo.pushInterval().toMillis();
        scheduler.scheduleWithFixedDelay(
                () -> push(runner, Instant.now().truncatedTo(ChronoUnit.DAYS), Instant.now()),
                period,
                period,
                TimeUnit.MILLISECONDS);
    }

    /** The demo collector's TLS, when the head-end requires it. */
    private SSLContext collectorTls() throws IOException {
        HeadEndProperties.Tls tls = headEndProperties.tls();
        return tls.enabled() ? LabPki.collectorContext(Path.of(tls.directory()), LabPki.DEMO_COLLECTOR) : null;
    }

    private void push(FleetRunner runner, Instant from, Instant to) {
        try {
            FleetRunner.Result result = runner.push(from, to, FleetRunner.Progress.silent());
            log.info(
                    "Demo fleet pushed {} frames ({} readings) accepted, {} rejected",
                    result.framesAccepted(),
                    result.readingsAccepted(),
                    result.framesRejected());
        } catch (Exception e) {
            log.warn("Demo fleet could not push: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
