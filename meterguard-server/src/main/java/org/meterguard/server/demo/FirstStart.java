package org.meterguard.server.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.meterguard.core.MeterId;
import org.meterguard.core.StaffRole;
import org.meterguard.core.access.TrainingRecord;
import org.meterguard.dlms.CipheringKeys;
import org.meterguard.dlms.SystemTitle;
import org.meterguard.server.access.Assignments;
import org.meterguard.server.access.StaffAccounts;
import org.meterguard.server.headend.MeterModels;
import org.meterguard.server.meters.MeterRegistry;
import org.meterguard.simulator.FleetFile;
import org.meterguard.simulator.SimulatedMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, once per installation, what a new installation needs: the administrator account and, for the demo,
 * staff accounts for each kind of reader and a registered fleet whose keys the simulated meters hold. Generated
 * passwords and TOTP enrollment URIs (otpauth://, for an authenticator app) are printed once, on the start that
 * creates them, and never stored in clear (TOTP secrets only wrapped under the KEK); a second start finds
 * everything in place and creates nothing. (The key-encryption key is created by the keys module on first
 * use.)
 */
@Component
@Order(0)
class FirstStart implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    static final String FLEET_FILE = "fleet.properties";
    private static final String MANUFACTURER = "MGS";

    private final JdbcClient jdbc;
    private final StaffAccounts accounts;
    private final Assignments assignments;
    private final MeterRegistry meters;
    private final DemoProperties demo;
    private final SecureRandom random = new SecureRandom();

    FirstStart(
            JdbcClient jdbc,
            StaffAccounts accounts,
            Assignments assignments,
            MeterRegistry meters,
            DemoProperties demo) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.assignments = assignments;
        this.meters = meters;
        this.demo = demo;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        List<String> printed = new ArrayList<>();
        if (claim("accounts")) {
            printed.add(account("admin", StaffRole.ADMINISTRATOR));
            if (demo.enabled()) {
                printed.add(account("operator", StaffRole.GRID_OPERATOR));
                printed.add(account("billing", StaffRole.BILLING_ANALYST));
                printed.add(account("auditor", StaffRole.SECURITY_AUDITOR));
                // Covered reads need current privacy training; the demo's readers are recorded as trained.
                LocalDate today = LocalDate.now(ZoneOffset.UTC);
                TrainingRecord training = new TrainingRecord(today, today.plusYears(1));
                assignments.recordTraining("operator", training, "system:first-start");
                assignments.recordTraining("billing", training, "system:first-start");
            }
        }
        if (demo.enabled() && claim("demo-fleet")) {
            printed.addAll(registerFleet());
        }
        if (printed.isEmpty()) {
            log.info(
                    "Accounts and demo fleet were created on an earlier start; reusing them (passwords were shown then)");
        } else {
            System.out.println(banner(printed));
        }
    }

    /** True the first time {@code name} is claimed in this installation's database. */
    private boolean claim(String name) {
        return jdbc.sql("INSERT INTO installation (name, value) VALUES (?, 'created') ON CONFLICT DO NOTHING")
                        .param(name)
                        .update()
                == 1;
    }

    private String account(String username, StaffRole role) {
        String password = password();
        accounts.create(username, password, role);
        String totp = accounts.enrollTotp(username).otpauthUri().toString();
        return String.format("  %-10s %-26s password: %s  totp: %s", username, role, password, totp);
    }

    private List<String> registerFleet() {
        List<SimulatedMeter> fleet = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= demo.meters(); i++) {
            MeterId id = MeterId.of(String.format("MG-DEMO-%04d", i));
            SystemTitle title = systemTitle(i);
            CipheringKeys keys = CipheringKeys.generate(random);
            meters.register(id, title, MeterModels.SIMULATED_RESIDENTIAL, keys);
            fleet.add(new SimulatedMeter(id.value(), title, keys));
            lines.add(String.format(
                    "  meter %s  system title %s  model %s", id, title, MeterModels.SIMULATED_RESIDENTIAL));
        }
        try {
            FleetFile.write(demo.simulatorDirectory().resolve(FLEET_FILE), fleet);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the simulated meters' key file", e);
        }
        return lines;
    }

    private static SystemTitle systemTitle(int serial) {
        long manufacturer = ((long) MANUFACTURER.charAt(0) << 56)
                | ((long) MANUFACTURER.charAt(1) << 48)
                | ((long) MANUFACTURER.charAt(2) << 40);
        return new SystemTitle(manufacturer | serial);
    }

    private String password() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(i > 0 && i % 5 == 0 ? "-" : "").append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    private static String banner(List<String> lines) {
        return "\n=== Meterguard first start: created (shown this once; passwords are stored only as hashes) ===\n"
                + "  Sign in with the password, then a code from an authenticator app that scanned the totp URI.\n"
                + String.join("\n", lines)
                + "\n=================================================================================================\n";
    }
}
