package org.meterguard.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.meterguard.core.MeterId;
import org.meterguard.server.accounts.AccountClass;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.accounts.Contact;
import org.meterguard.server.accounts.MeteredPeriod;
import org.meterguard.server.accounts.ServicePoint;
import org.meterguard.server.accounts.ServicePoints;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The metered periods the dashboard keeps, against the database: kept between views, and current again after a
 * change by plain SQL (a move-out, a meter's time zone), by the services (a move-in), and after the listening
 * connection broke while a change was made.
 */
@SpringBootTest(properties = {"meterguard.headend.port=0", "meterguard.demo.enabled=false"})
class KeptPeriodsIT {
    private static final Instant INSTALLED = Instant.parse("2025-06-01T00:00:00Z");
    private static final Instant MOVE = Instant.parse("2026-02-10T22:30:00Z");
    private static final Duration NOTICE_WAIT = Duration.ofSeconds(10);

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-kept-periods").toString();
        registry.add("meterguard.data-dir", () -> directory);
    }

    @Autowired
    KeptPeriods kept;

    @Autowired
    Accounts accounts;

    @Autowired
    ServicePoints points;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry metrics;

    @Test
    void keptUntilTheDatabaseSaysTheyChanged() throws Exception {
        MeterId meter = MeterId.of("MG-KEPT-1");
        jdbc.sql("INSERT INTO meter (meter_id, system_title, model, time_zone) VALUES (?, 9301, 'MG-SIM-R1', ?)")
                .params(meter.value(), "America/Los_Angeles")
                .update();
        points.create(new ServicePoint("SP-KEPT-1", "F-1", "NORTH", 240));
        points.install(meter, "SP-KEPT-1", INSTALLED);
        Contact contact = new Contact("Occupant", "1 Main St", null, null);
        accounts.open("ACC-KEPT-OLD", AccountClass.RESIDENTIAL, contact, INSTALLED);
        accounts.open("ACC-KEPT-NEW", AccountClass.RESIDENTIAL, contact, MOVE);
        accounts.moveIn("ACC-KEPT-OLD", "SP-KEPT-1", INSTALLED);
        await("the listener is up", kept::listening);

        List<MeteredPeriod> first = kept.of("ACC-KEPT-OLD");
        assertThat(first).isEqualTo(accounts.meteredPeriods("ACC-KEPT-OLD")).hasSize(1);
        assertThat(first.get(0).period().to()).isAfter(Instant.parse("9000-01-01T00:00:00Z"));
        awaitKept("ACC-KEPT-OLD");
        assertThat(kept.of("ACC-KEPT-OLD")).isEqualTo(first);
        assertThat(kept.of("ACC-KEPT-NEW")).isEmpty();

        // A move-out by plain SQL, not through the services.
        jdbc.sql("UPDATE occupancy SET move_out = ? WHERE account_id = 'ACC-KEPT-OLD'")
                .param(java.sql.Timestamp.from(MOVE))
                .update();
        awaitCurrent("ACC-KEPT-OLD");
        assertThat(kept.of("ACC-KEPT-OLD").get(0).period().to()).isEqualTo(MOVE);

        // A move-in through the services: the account kept with no periods gets one.
        accounts.moveIn("ACC-KEPT-NEW", "SP-KEPT-1", MOVE);
        awaitCurrent("ACC-KEPT-NEW");
        assertThat(kept.of("ACC-KEPT-NEW")).hasSize(1);

        // The meter's time zone, carried with the periods.
        jdbc.sql("UPDATE meter SET time_zone = 'Asia/Kolkata' WHERE meter_id = ?")
                .param(meter.value())
                .update();
        await("the new zone is seen", () -> ZoneId.of("Asia/Kolkata")
                .equals(kept.of("ACC-KEPT-NEW").get(0).meterZone()));

        // The listening connection breaks; a change made while it is down sends a notice no one hears. Once it
        // is back, the periods kept before must not be used.
        awaitKept("ACC-KEPT-OLD");
        assertThat(jdbc.sql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?")
                        .param(KeptPeriods.APPLICATION_NAME)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        await("the listener notices the break", () -> !kept.listening());
        jdbc.sql("UPDATE occupancy SET move_out = ? WHERE account_id = 'ACC-KEPT-OLD'")
                .param(java.sql.Timestamp.from(MOVE.minus(Duration.ofDays(1))))
                .update();
        await("the listener is back", kept::listening);
        assertThat(kept.of("ACC-KEPT-OLD")).isEqualTo(accounts.meteredPeriods("ACC-KEPT-OLD"));
        assertThat(kept.of("ACC-KEPT-OLD").get(0).period().to()).isEqualTo(MOVE.minus(Duration.ofDays(1)));
    }

    /** Waits until the kept periods of the account are what the database says (a notice takes milliseconds). */
    private void awaitCurrent(String account) throws InterruptedException {
        await(account + "'s kept periods are current", () -> kept.of(account).equals(accounts.meteredPeriods(account)));
    }

    /**
     * Waits until a view takes the account's periods from memory. Not at once: notices of the set-up's own commits
     * may still be arriving, and each drops what is kept.
     */
    private void awaitKept(String account) throws InterruptedException {
        await(account + "'s periods are kept", () -> {
            double hits = hits();
            kept.of(account);
            return hits() > hits;
        });
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + NOTICE_WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + NOTICE_WAIT).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private double hits() {
        return metrics.get("cache.gets")
                .tag("cache", "portal.metered-periods")
                .tag("result", "hit")
                .functionCounter()
                .count();
    }
}
