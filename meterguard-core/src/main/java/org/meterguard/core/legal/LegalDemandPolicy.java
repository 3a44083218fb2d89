package org.meterguard.core.legal;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which demands wait for the customer, and how long. {@link #CPUC} holds the defaults of D.11-07-056, Rule 6(c)(2):
 * upon a subpoena, the customer is notified in writing before the utility complies and has 7 days to appear and
 * contest it, unless a court order, law or Commission order forbids the notice. Orders and warrants are complied
 * with as they stand; emergencies are released at once.
 *
 * @param contestDays the days the customer has after the notice to contest (0 or more)
 * @param contestable the kinds of demand the customer is notified of and may contest before any release
 */
public record LegalDemandPolicy(int contestDays, Set<LegalDemandKind> contestable) {
    /** The CPUC defaults: 7 days to contest a subpoena. */
    public static final LegalDemandPolicy CPUC = new LegalDemandPolicy(7, EnumSet.of(LegalDemandKind.SUBPOENA));

    public LegalDemandPolicy {
        Objects.requireNonNull(contestable, "contestable");
        if (contestDays < 0) {
            throw new LegalRuleViolated("the contest period of " + contestDays + " days cannot be negative");
        }
        if (contestable.contains(LegalDemandKind.EMERGENCY)) {
            throw new LegalRuleViolated("an emergency request cannot wait for a contest period");
        }
        contestable = contestable.isEmpty()
                ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.copyOf(contestable));
    }

    /** True where nothing of {@code demand} is released before its customer was notified and the period passed. */
    public boolean waitsForContest(LegalDemand demand) {
        return contestable.contains(demand.kind()) && !demand.noticeForbidden();
    }

    /** The last day the customer notified on {@code givenOn} may contest. */
    public LocalDate lastContestDay(LocalDate givenOn) {
        return givenOn.plusDays(contestDays);
    }

    /** The first day data may be released after a notice given on {@code givenOn}. */
    public LocalDate releasableFrom(LocalDate givenOn) {
        return lastContestDay(givenOn).plusDays(1);
    }
}
