package org.meterguard.core.vee;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What VEE needs to know about one meter channel besides its series (which carries the meter, channel and time
 * zone). Start from {@link #at(Instant)} and add what the caller has; a check without its input (no maximum, no
 * profile, no register reads) finds nothing.
 *
 * @param now the time VEE runs at: intervals that have not ended are neither gaps nor estimated, and a value for an
 *     interval starting later is a clock error
 * @param maximum the largest plausible value per interval for this meter channel, if configured
 * @param profile the meter channel's typical profile, for spike checks and like-day estimates
 * @param registerReads cumulative register reads, kept in time order
 * @param clockInvalid interval starts the meter flagged as recorded with an invalid clock
 * @param config thresholds
 */
public record VeeContext(
        Instant now,
        OptionalLong maximum,
        Optional<TypicalProfile> profile,
        List<RegisterRead> registerReads,
        Set<Instant> clockInvalid,
        VeeConfig config) {
    public VeeContext {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(maximum, "maximum");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(config, "config");
        registerReads = Objects.requireNonNull(registerReads, "registerReads").stream()
                .sorted(Comparator.comparing(RegisterRead::at))
                .toList();
        clockInvalid = Set.copyOf(Objects.requireNonNull(clockInvalid, "clockInvalid"));
    }

    /** A context at {@code now} with the default configuration and no other inputs. */
    public static VeeContext at(Instant now) {
        return new VeeContext(now, OptionalLong.empty(), Optional.empty(), List.of(), Set.of(), VeeConfig.DEFAULTS);
    }

    public VeeContext withMaximum(long perInterval) {
        return new VeeContext(now, OptionalLong.of(perInterval), profile, registerReads, clockInvalid, config);
    }

    public VeeContext withProfile(TypicalProfile typical) {
        return new VeeContext(now, maximum, Optional.of(typical), registerReads, clockInvalid, config);
    }

    public VeeContext withRegisterReads(List<RegisterRead> reads) {
        return new VeeContext(now, maximum, profile, reads, clockInvalid, config);
    }

    public VeeContext withClockInvalid(Set<Instant> starts) {
        return new VeeContext(now, maximum, profile, registerReads, starts, config);
    }

    public VeeContext withConfig(VeeConfig newConfig) {
        return new VeeContext(now, maximum, profile, registerReads, clockInvalid, newConfig);
    }
}
