package org.meterguard.core.thirdparty;

import java.time.Period;
import java.util.Objects;

/**
 * What the rules expect around breaches, configurable. {@link #CPUC} holds the defaults: a third party reports a
 * breach within one week; the regulator hears within two weeks of detection of any breach touching 1,000 or more
 * customers, alone or together with the other breaches recorded within a year; and three breaches by one party
 * within a year are a pattern of breach that cuts it off.
 *
 * @param reportExpectedWithin how soon after detection the party is expected to report
 * @param regulatorNoticeCustomers customers affected (alone or cumulatively) from which the regulator is told
 * @param regulatorNoticeWithin how soon after detection the regulator is told
 * @param cumulativeWindow how far back breaches are added up toward the notice threshold
 * @param patternBreaches how many breaches by one party within {@code patternWindow} are a pattern (at least 1)
 * @param patternWindow the span in which a pattern is counted
 */
public record BreachPolicy(
        Period reportExpectedWithin,
        int regulatorNoticeCustomers,
        Period regulatorNoticeWithin,
        Period cumulativeWindow,
        int patternBreaches,
        Period patternWindow) {
    /** The CPUC defaults (D.11-07-056): 1 week, 1,000 customers, 2 weeks, 1 year; 3 breaches in a year. */
    public static final BreachPolicy CPUC =
            new BreachPolicy(Period.ofWeeks(1), 1000, Period.ofWeeks(2), Period.ofYears(1), 3, Period.ofYears(1));

    public BreachPolicy {
        Objects.requireNonNull(reportExpectedWithin, "reportExpectedWithin");
        Objects.requireNonNull(regulatorNoticeWithin, "regulatorNoticeWithin");
        Objects.requireNonNull(cumulativeWindow, "cumulativeWindow");
        Objects.requireNonNull(patternWindow, "patternWindow");
        if (regulatorNoticeCustomers < 1) {
            throw new ThirdPartyRuleViolated(
                    "regulator-notice threshold " + regulatorNoticeCustomers + " must be at least 1 customer");
        }
        if (patternBreaches < 1) {
            throw new ThirdPartyRuleViolated("pattern-of-breach threshold " + patternBreaches + " must be at least 1");
        }
    }

    /** This policy with {@code breaches} in {@code window} as the pattern that cuts a party off. */
    public BreachPolicy withPattern(int breaches, Period window) {
        return new BreachPolicy(
                reportExpectedWithin,
                regulatorNoticeCustomers,
                regulatorNoticeWithin,
                cumulativeWindow,
                breaches,
                window);
    }
}
