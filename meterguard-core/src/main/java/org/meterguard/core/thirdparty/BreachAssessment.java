package org.meterguard.core.thirdparty;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What the rules make of one breach, given those recorded before it.
 *
 * @param breachId the breach assessed
 * @param reportDue the last day the party was expected to report it
 * @param reportLate whether it was reported after {@code reportDue}, or not at all by the day assessed past it
 * @param cumulativeCustomers customers affected by it and the other breaches within the cumulative window
 * @param regulatorNoticeDue the last day to notify the regulator; empty when no notice is required
 * @param breachesInPatternWindow the party's breaches within the pattern window, this one included
 * @param patternOfBreach whether they reach the pattern threshold, so that the party must be cut off
 */
public record BreachAssessment(
        String breachId,
        LocalDate reportDue,
        boolean reportLate,
        long cumulativeCustomers,
        Optional<LocalDate> regulatorNoticeDue,
        int breachesInPatternWindow,
        boolean patternOfBreach) {
    public BreachAssessment {
        Objects.requireNonNull(breachId, "breachId");
        Objects.requireNonNull(reportDue, "reportDue");
        Objects.requireNonNull(regulatorNoticeDue, "regulatorNoticeDue");
    }

    /** True where the regulator must be notified of this breach. */
    public boolean regulatorNoticeRequired() {
        return regulatorNoticeDue.isPresent();
    }
}
