package org.meterguard.server;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.meterguard.core.StaffRole;
import org.meterguard.core.access.TrainingRecord;
import org.meterguard.server.access.Actor;
import org.meterguard.server.access.Assignments;
import org.meterguard.server.access.CustomerUsers;
import org.meterguard.server.access.StaffAccounts;
import org.meterguard.server.access.TotpEnrollment;
import org.meterguard.server.access.internal.Base32;
import org.meterguard.server.access.internal.Totp;
import org.meterguard.server.access.internal.TotpSecret;

/**
 * A user for tests: name, password and (when enrolled) TOTP secret, plus the session {@link ApiClient} keeps for
 * them per server once signed in, as a browser would. Create staff with {@link #staff(StaffAccounts, StaffRole)}
 * (password and TOTP enrolled), then pass the user to {@code ApiClient.get(path, user)}: the first call signs in.
 */
public final class TestUser {
    /** The password every test user gets. */
    public static final String PASSWORD = "correct-horse-battery";

    private static final Totp TOTP = new Totp(6);

    private final String username;
    private final String password;
    private final TotpSecret secret;
    private long lastStep = Long.MIN_VALUE;
    final Map<String, ApiClient.Session> sessions = new HashMap<>();

    public TestUser(String username, String password, URI otpauthUri) {
        this.username = username;
        this.password = password;
        this.secret = otpauthUri == null ? null : new TotpSecret(Base32.decode(secretOf(otpauthUri)));
    }

    /** A new staff member in {@code role} with a unique name, the standard password and TOTP enrolled. */
    public static TestUser staff(StaffAccounts accounts, StaffRole role) {
        return staff(accounts, role.name().toLowerCase(java.util.Locale.ROOT) + "-" + System.nanoTime(), role);
    }

    /** A new staff member named {@code username} in {@code role}, the standard password and TOTP enrolled. */
    public static TestUser staff(StaffAccounts accounts, String username, StaffRole role) {
        accounts.create(username, PASSWORD, role);
        TotpEnrollment enrollment = accounts.enrollTotp(username);
        return new TestUser(username, PASSWORD, enrollment.otpauthUri());
    }

    /**
     * A new staff member in {@code role} as {@link #staff(StaffAccounts, StaffRole)}, with privacy training completed
     * yesterday and valid for a year (staff without it read no covered information).
     */
    public static TestUser trainedStaff(StaffAccounts accounts, Assignments assignments, StaffRole role) {
        TestUser user = staff(accounts, role);
        assignments.recordTraining(user.username(), currentTraining(), "test");
        return user;
    }

    /** Privacy training completed yesterday, valid for a year. */
    public static TrainingRecord currentTraining() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new TrainingRecord(today.minusDays(1), today.plusYears(1));
    }

    /** A new customer user linked to {@code accountIds}, password only (no TOTP). */
    public static TestUser customer(CustomerUsers customers, String username, List<String> accountIds) {
        customers.create(username, PASSWORD, accountIds, new Actor("test", "", ""));
        return new TestUser(username, PASSWORD, null);
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public boolean hasTotp() {
        return secret != null;
    }

    /**
     * A TOTP code not used before by this user: the current step's, or the next step's when the current one was
     * used (accepted as clock drift), or, when both were, the next step's after waiting for it.
     */
    public synchronized String nextCode() throws InterruptedException {
        long now = Totp.step(Instant.now());
        long step = Math.max(now, lastStep + 1);
        while (step > Totp.step(Instant.now()) + 1) {
            Thread.sleep(250);
        }
        lastStep = step;
        return TOTP.code(secret, step);
    }

    /** The code of the current step, used or not (to show that a used code is refused). */
    public String currentCode() {
        return TOTP.code(secret, Totp.step(Instant.now()));
    }

    /** Forgets every session, as if the browser were closed. */
    public void forgetSessions() {
        sessions.clear();
    }

    private static String secretOf(URI uri) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith("secret=")) {
                return pair.substring("secret=".length());
            }
        }
        throw new IllegalArgumentException("no secret in the otpauth URI");
    }

    @Override
    public String toString() {
        return username;
    }
}
