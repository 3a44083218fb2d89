package org.meterguard.server.vee;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of validation and estimation.
 *
 * @param enabled run the validation job on its schedule
 * @param schedule how often the job looks for data to validate
 * @param lookback how far back it looks for raw data (late data older than this waits for a manual run)
 * @param defaultTimeZone the local time zone of meters that name none
 * @param maximumEnergyPerInterval the above-maximum check for energy channels, in Wh per interval
 * @param profileDays how many prior local days make a meter's typical profile
 */
@ConfigurationProperties("meterguard.vee")
public record VeeProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("PT15M") Duration schedule,
        @DefaultValue("P7D") Duration lookback,
        @DefaultValue(VeeProperties.DEFAULT_TIME_ZONE) ZoneId defaultTimeZone,
        @DefaultValue("25000") long maximumEnergyPerInterval,
        @DefaultValue("28") int profileDays) {
    /** The default of {@code meterguard.vee.default-time-zone}, for the components that read it on their own. */
    public static final String DEFAULT_TIME_ZONE = "America/Los_Angeles";
}
