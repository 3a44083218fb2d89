package org.meterguard.server.access.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.meterguard.server.access.IdentityProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lockout with backoff, per name typed: after {@code lockoutThreshold} failures in a row the name is locked for
 * {@code lockoutBase}, each further lockout doubling that up to {@code lockoutMax}; a complete sign-in clears it.
 * Names that belong to nobody are counted and locked exactly like real ones, so a lockout reveals nothing about
 * which names exist.
 */
@Component
public class SignInThrottle {
    private final JdbcClient jdbc;
    private final IdentityProperties properties;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** How long {@code username} stays locked; empty when it is not locked now. */
    public Optional<Duration> lockedFor(String username) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT locked_until FROM sign_in_throttle WHERE username = ?")
                .param(username)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    /** Counts a failure; returns the new lockout's length when this failure locks the name. */
    public Optional<Duration> failed(String username) {
        jdbc.sql("""
                        INSERT INTO sign_in_throttle (username, failures) VALUES (?, 1)
                        ON CONFLICT (username) DO UPDATE SET failures = sign_in_throttle.failures + 1""").param(username).update();
        int lockouts = jdbc.sql("SELECT lockouts FROM sign_in_throttle WHERE username = ? AND failures >= ?")
                .params(username, properties.lockoutThreshold())
                .query(Integer.class)
                .optional()
                .orElse(-1);
        if (lockouts < 0) {
            return Optional.empty();
        }
        Duration length = lockoutLength(lockouts);
        jdbc.sql(
                        "UPDATE sign_in_throttle SET failures = 0, lockouts = lockouts + 1, locked_until = ? WHERE username = ?")
                .params(Timestamp.from(clock.instant().plus(length)), username)
                .update();
        return Optional.of(length);
    }

    /** Clears the name's failures and lockouts after a complete sign-in. */
    public void succeeded(String username) {
        jdbc.sql("DELETE FROM sign_in_throttle WHERE username = ?")
                .param(username)
                .update();
    }

    private Duration lockoutLength(int earlierLockouts) {
        Duration length = properties.lockoutBase();
        for (int i = 0; i < earlierLockouts && length.compareTo(properties.lockoutMax()) < 0; i++) {
            length = length.multipliedBy(2);
        }
        return length.compareTo(properties.lockoutMax()) > 0 ? properties.lockoutMax() : length;
    }
}
