package org.meterguard.core.thirdparty;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Assesses a breach under a {@link BreachPolicy}: whether the party's report was late, whether the regulator must
 * be told (the breach alone, or with the other breaches detected within the cumulative window before it, touches
 * the threshold number of customers), and whether the party's breaches amount to a pattern that cuts it off.
 */
public final class BreachRules {
    private final BreachPolicy policy;

    public BreachRules(BreachPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Assesses {@code breach} on {@code today} against {@code recorded}: every breach recorded so far, of any party
     * ({@code breach} itself may be among them; it is counted once).
     */
    public BreachAssessment assess(Breach breach, Collection<Breach> recorded, LocalDate today) {
        LocalDate reportDue = breach.detected().plus(policy.reportExpectedWithin());
        boolean late =
                breach.reportedByThirdParty().map(day -> day.isAfter(reportDue)).orElse(today.isAfter(reportDue));
        LocalDate cumulativeFrom = breach.detected().minus(policy.cumulativeWindow());
        long cumulative = breach.customersAffected();
        LocalDate patternFrom = breach.detected().minus(policy.patternWindow());
        int inPattern = 1;
        for (Breach other : recorded) {
            if (other.breachId().equals(breach.breachId()) || other.detected().isAfter(breach.detected())) {
                continue;
            }
            if (other.detected().isAfter(cumulativeFrom)) {
                cumulative += other.customersAffected();
            }
            if (other.thirdPartyId().equals(breach.thirdPartyId())
                    && other.detected().isAfter(patternFrom)) {
                inPattern++;
            }
        }
        Optional<LocalDate> noticeDue = cumulative >= policy.regulatorNoticeCustomers()
                ? Optional.of(breach.detected().plus(policy.regulatorNoticeWithin()))
                : Optional.empty();
        return new BreachAssessment(
                breach.breachId(),
                reportDue,
                late,
                cumulative,
                noticeDue,
                inPattern,
                inPattern >= policy.patternBreaches());
    }
}
