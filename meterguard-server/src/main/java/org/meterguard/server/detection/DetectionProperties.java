package org.meterguard.server.detection;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.meterguard.core.detection.DetectionSettings;
import org.meterguard.core.detection.WorkingHours;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of unusual-activity detection ({@code meterguard.detection.*}); the defaults are documented in
 * docs/architecture.md.
 *
 * @param enabled run the detector
 * @param workingHoursStart when the working day starts, in {@code zone}
 * @param workingHoursEnd when it ends (before the start: a shift across midnight; equal: all day)
 * @param workingDays the working days
 * @param zone the utility's zone
 * @param offHoursExemptRoles roles that work around the clock
 * @param bulkMinimumCustomers the fewest distinct customers in an hour that count as bulk
 * @param bulkBaselineFactor how many times their own and their peers' hourly baseline a user must exceed
 * @param baselineDays how many days of hourly reads make the baselines
 * @param basisExpectedRoles roles whose every covered read should name a work order or request
 * @param failedSignIns failed sign-ins of one user within {@code signInWindow} that raise an alert
 * @param signInSpray failed sign-ins from one address within {@code signInWindow} that raise an alert
 * @param signInWindow the window for failed sign-ins
 * @param exports exports or downloads by one user within an hour that count as bulk
 * @param denials refused reads by one user within an hour that raise an alert
 * @param thirdPartyRole the role third parties' pulls are audited with
 * @param authenticationFailureBurst failed frame authentications in one recorded burst that make it critical
 * @param evidencePerFinding the most evidence one finding carries
 * @param queueCapacity audit entries waiting to be examined before new ones are counted as dropped (and alerted)
 * @param interval how often the queue is examined
 * @param meterEventsInterval how often the head-end's security events and key changes are pulled
 */
@ConfigurationProperties("meterguard.detection")
public record DetectionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("07:00") LocalTime workingHoursStart,
        @DefaultValue("19:00") LocalTime workingHoursEnd,

        @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"})
        Set<DayOfWeek> workingDays,

        @DefaultValue("America/Los_Angeles") ZoneId zone,
        @DefaultValue("GRID_OPERATOR") Set<String> offHoursExemptRoles,
        @DefaultValue("25") int bulkMinimumCustomers,
        @DefaultValue("3.0") double bulkBaselineFactor,
        @DefaultValue("28") int baselineDays,

        @DefaultValue({"FIELD_TECHNICIAN", "CUSTOMER_SERVICE_REPRESENTATIVE"})
        Set<String> basisExpectedRoles,

        @DefaultValue("5") int failedSignIns,
        @DefaultValue("20") int signInSpray,
        @DefaultValue("PT15M") Duration signInWindow,
        @DefaultValue("5") int exports,
        @DefaultValue("5") int denials,
        @DefaultValue("THIRD_PARTY") String thirdPartyRole,
        @DefaultValue("50") long authenticationFailureBurst,
        @DefaultValue("500") int evidencePerFinding,
        @DefaultValue("100000") int queueCapacity,
        @DefaultValue("PT0.25S") Duration interval,
        @DefaultValue("PT2S") Duration meterEventsInterval) {

    /** The pure rules' settings. */
    public DetectionSettings settings() {
        return new DetectionSettings(
                new WorkingHours(workingHoursStart, workingHoursEnd, workingDays, zone),
                offHoursExemptRoles,
                bulkMinimumCustomers,
                bulkBaselineFactor,
                basisExpectedRoles,
                failedSignIns,
                signInSpray,
                signInWindow,
                exports,
                denials,
                thirdPartyRole,
                authenticationFailureBurst,
                evidencePerFinding);
    }
}
