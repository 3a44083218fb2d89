package org.meterguard.server.thirdparties;

import java.time.LocalDate;

/**
 * A breach the regulator must hear of, and by when.
 *
 * @param breachId the breach
 * @param thirdPartyId where it happened
 * @param detected when it was detected
 * @param customersAffected customers it touched
 * @param cumulativeCustomers with the breaches detected within the year before it
 * @param noticeDue the last day for the notice
 */
public record BreachNotice(
        String breachId,
        String thirdPartyId,
        LocalDate detected,
        int customersAffected,
        long cumulativeCustomers,
        LocalDate noticeDue) {}
