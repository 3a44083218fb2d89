package org.meterguard.server.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.meterguard.core.MeterId;
import org.meterguard.server.access.Actor;
import org.meterguard.server.access.CustomerUsers;
import org.meterguard.server.accounts.AccountClass;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.accounts.Contact;
import org.meterguard.server.accounts.ServicePoint;
import org.meterguard.server.accounts.ServicePoints;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's customer, created once after the demo fleet: account {@code DEMO-0001} at service point
 * {@code SP-DEMO-0001}, measured by {@code MG-DEMO-0001} since before the fleet's backfill, and a customer sign-in
 * {@code customer} with a generated password, printed once. Signing in at {@code /portal} shows the demo meter's
 * usage.
 */
@Component
@Order(1)
class DemoCustomer implements ApplicationRunner {
    static final String ACCOUNT = "DEMO-0001";
    static final String USERNAME = "customer";

    private final JdbcClient jdbc;
    private final DemoProperties demo;
    private final ServicePoints points;
    private final Accounts accounts;
    private final CustomerUsers customers;
    private final SecureRandom random = new SecureRandom();

    DemoCustomer(
            JdbcClient jdbc, DemoProperties demo, ServicePoints points, Accounts accounts, CustomerUsers customers) {
        this.jdbc = jdbc;
        this.demo = demo;
        this.points = points;
        this.accounts = accounts;
        this.customers = customers;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || demo.meters() < 1 || !claim()) {
            return;
        }
        Instant since = Clock.systemUTC().instant().minus(Duration.ofDays(demo.backfillDays() + 30L));
        points.create(new ServicePoint("SP-DEMO-0001", "F-DEMO-1", "DEMO", 240));
        points.install(MeterId.of("MG-DEMO-0001"), "SP-DEMO-0001", since);
        accounts.open(
                ACCOUNT,
                AccountClass.RESIDENTIAL,
                new Contact("Demo Customer", "100 Demo Street\nSpringfield, CA 90000", null, null),
                since);
        accounts.moveIn(ACCOUNT, "SP-DEMO-0001", since);
        String password = password();
        customers.create(USERNAME, password, List.of(ACCOUNT), new Actor("first-start", "", ""));
        System.out.println("\n=== Meterguard demo customer (shown this once) ===\n"
                + String.format("  %-10s account %-10s password: %s%n", USERNAME, ACCOUNT, password)
                + "  Sign in at http://localhost:8080/portal\n"
                + "==================================================\n");
    }

    private boolean claim() {
        return jdbc.sql("INSERT INTO installation (name, value) VALUES ('demo-customer', 'created')"
                                + " ON CONFLICT DO NOTHING")
                        .update()
                == 1;
    }

    private String password() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(i > 0 && i % 5 == 0 ? "-" : "").append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
