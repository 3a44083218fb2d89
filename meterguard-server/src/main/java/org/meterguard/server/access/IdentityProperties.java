package org.meterguard.server.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in and session settings ({@code meterguard.security.*}).
 *
 * @param idleTimeout a signed-in session ends after this long without a request
 * @param absoluteTimeout a signed-in session ends this long after sign-in, however active
 * @param lockoutThreshold failed sign-ins in a row (per name typed) that lock the name
 * @param lockoutBase how long the first lockout lasts; each further lockout doubles it
 * @param lockoutMax the longest a lockout lasts
 * @param tokenLifetime how long a service account's access token is valid
 */
@ConfigurationProperties("meterguard.security")
public record IdentityProperties(
        @DefaultValue("15m") Duration idleTimeout,
        @DefaultValue("8h") Duration absoluteTimeout,
        @DefaultValue("5") int lockoutThreshold,
        @DefaultValue("1m") Duration lockoutBase,
        @DefaultValue("1h") Duration lockoutMax,
        @DefaultValue("10m") Duration tokenLifetime) {
    public IdentityProperties {
        if (idleTimeout.isNegative() || idleTimeout.isZero() || absoluteTimeout.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException("invalid session timeouts idle " + idleTimeout + ", absolute "
                    + absoluteTimeout + "; both must be positive and absolute at least idle");
        }
        if (lockoutThreshold < 1 || lockoutBase.isNegative() || lockoutMax.compareTo(lockoutBase) < 0) {
            throw new IllegalArgumentException("invalid lockout settings: threshold " + lockoutThreshold + ", base "
                    + lockoutBase + ", max " + lockoutMax);
        }
    }
}
