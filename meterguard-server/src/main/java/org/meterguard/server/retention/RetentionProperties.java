package org.meterguard.server.retention;

import java.time.Period;
import java.util.EnumMap;
import java.util.Map;
import org.meterguard.core.retention.DataCategory;
import org.meterguard.core.retention.RetentionPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The retention policy, set by the utility's privacy officer. Defaults keep only what billing disputes, grid
 * troubleshooting and replay protection reasonably need.
 *
 * @param enabled run the job on its schedule
 * @param schedule a cron expression (seconds first), by default daily at 03:30
 * @param intervalData interval energy and register reads (billing), default 6 years
 * @param voltage interval voltage (troubleshooting), default 13 months
 * @param events meters' events, default 3 years
 * @param personalInformation names, addresses and contact details after the account closes, default 2 years
 * @param receivedFrames the head-end's received-frame records, default 92 days (an older re-sent frame is
 *     refused as a replay, since its counter is below the meter's high-water mark)
 */
@ConfigurationProperties("meterguard.retention")
public record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0 30 3 * * *") String schedule,
        @DefaultValue("P6Y") Period intervalData,
        @DefaultValue("P13M") Period voltage,
        @DefaultValue("P3Y") Period events,
        @DefaultValue("P2Y") Period personalInformation,
        @DefaultValue("P92D") Period receivedFrames) {

    /** The policy these settings make; an error names a period that is not positive. */
    public RetentionPolicy policy() {
        Map<DataCategory, Period> periods = new EnumMap<>(DataCategory.class);
        periods.put(DataCategory.INTERVAL_DATA, intervalData);
        periods.put(DataCategory.VOLTAGE, voltage);
        periods.put(DataCategory.EVENTS, events);
        periods.put(DataCategory.PERSONAL_INFORMATION, personalInformation);
        periods.put(DataCategory.RECEIVED_FRAMES, receivedFrames);
        return RetentionPolicy.of(periods);
    }
}
