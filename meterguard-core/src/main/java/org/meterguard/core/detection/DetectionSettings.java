package org.meterguard.core.detection;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * The rules' thresholds.
 *
 * @param workingHours when staff normally work
 * @param offHoursExemptRoles roles that work around the clock (e.g. the control room's grid operators)
 * @param bulkMinimumCustomers the fewest distinct customers in an hour that count as bulk, whatever the baselines
 * @param bulkBaselineFactor how many times their own and their peers' hourly baseline a user must exceed
 * @param basisExpectedRoles roles whose every covered read is expected to name a work order or request
 * @param failedSignInThreshold failed sign-ins of one user within {@code signInWindow} that raise a finding
 * @param signInSprayThreshold failed sign-ins from one address within {@code signInWindow} that raise a finding
 * @param signInWindow the window for failed sign-ins
 * @param exportThreshold exports or downloads by one user within an hour that count as bulk
 * @param denialThreshold refused reads by one user within an hour that raise a finding
 * @param thirdPartyRole the role third parties' pulls are audited with
 * @param authenticationFailureBurst failed authentications in one recorded burst that make the finding critical
 * @param evidenceLimit the most evidence one finding carries (the first ones)
 */
public record DetectionSettings(
        WorkingHours workingHours,
        Set<String> offHoursExemptRoles,
        int bulkMinimumCustomers,
        double bulkBaselineFactor,
        Set<String> basisExpectedRoles,
        int failedSignInThreshold,
        int signInSprayThreshold,
        Duration signInWindow,
        int exportThreshold,
        int denialThreshold,
        String thirdPartyRole,
        long authenticationFailureBurst,
        int evidenceLimit) {
    public DetectionSettings {
        Objects.requireNonNull(workingHours, "workingHours");
        offHoursExemptRoles = Set.copyOf(offHoursExemptRoles);
        basisExpectedRoles = Set.copyOf(basisExpectedRoles);
        Objects.requireNonNull(signInWindow, "signInWindow");
        Objects.requireNonNull(thirdPartyRole, "thirdPartyRole");
        atLeastOne("bulkMinimumCustomers", bulkMinimumCustomers);
        atLeastOne("failedSignInThreshold", failedSignInThreshold);
        atLeastOne("signInSprayThreshold", signInSprayThreshold);
        atLeastOne("exportThreshold", exportThreshold);
        atLeastOne("denialThreshold", denialThreshold);
        atLeastOne("authenticationFailureBurst", authenticationFailureBurst);
        atLeastOne("evidenceLimit", evidenceLimit);
        if (!(bulkBaselineFactor >= 1.0)) {
            throw new IllegalArgumentException("bulkBaselineFactor " + bulkBaselineFactor + " must be at least 1");
        }
        if (signInWindow.isNegative() || signInWindow.isZero()) {
            throw new IllegalArgumentException("signInWindow " + signInWindow + " must be positive");
        }
    }

    /** The documented defaults, with working hours Monday to Friday 07:00-19:00 in {@code zone}. */
    public static DetectionSettings defaults(ZoneId zone) {
        return new DetectionSettings(
                WorkingHours.weekdays(zone),
                Set.of("GRID_OPERATOR"),
                25,
                3.0,
                Set.of("FIELD_TECHNICIAN", "CUSTOMER_SERVICE_REPRESENTATIVE"),
                5,
                20,
                Duration.ofMinutes(15),
                5,
                5,
                "THIRD_PARTY",
                50,
                500);
    }

    /** These settings with other working hours. */
    public DetectionSettings withWorkingHours(WorkingHours hours) {
        return new DetectionSettings(
                hours,
                offHoursExemptRoles,
                bulkMinimumCustomers,
                bulkBaselineFactor,
                basisExpectedRoles,
                failedSignInThreshold,
                signInSprayThreshold,
                signInWindow,
                exportThreshold,
                denialThreshold,
                thirdPartyRole,
                authenticationFailureBurst,
                evidenceLimit);
    }

    private static void atLeastOne(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " " + value + " must be at least 1");
        }
    }
}
