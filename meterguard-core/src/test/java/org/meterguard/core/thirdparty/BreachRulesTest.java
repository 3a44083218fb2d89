package org.meterguard.core.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BreachRulesTest {
    private static final BreachRules RULES = new BreachRules(BreachPolicy.CPUC);
    private static final LocalDate DETECTED = LocalDate.of(2026, 3, 2);

    @Test
    void aBreachOfAThousandCustomersIsFlaggedForTheRegulatorWithinTwoWeeks() {
        Breach small = breach("b-1", "acme", DETECTED, 999);
        Breach large = breach("b-2", "acme", DETECTED, 1000);

        assertThat(RULES.assess(small, List.of(small), DETECTED).regulatorNoticeDue())
                .isEmpty();
        assertThat(RULES.assess(large, List.of(large), DETECTED).regulatorNoticeDue())
                .hasValue(LocalDate.of(2026, 3, 16));
    }

    @Test
    void breachesAddUpTowardTheNoticeWithinAYear() {
        Breach earlier = breach("b-1", "acme", LocalDate.of(2025, 3, 3), 600);
        Breach other = breach("b-2", "zeta", LocalDate.of(2026, 1, 10), 300);
        Breach now = breach("b-3", "acme", DETECTED, 100);
        Breach tooOld = breach("b-0", "acme", LocalDate.of(2025, 3, 2), 5000);

        BreachAssessment assessment = RULES.assess(now, List.of(tooOld, earlier, other, now), DETECTED);

        assertThat(assessment.cumulativeCustomers()).isEqualTo(1000);
        assertThat(assessment.regulatorNoticeRequired()).isTrue();
    }

    @Test
    void aReportLaterThanAWeekIsLate() {
        Breach onTime = new Breach("b-1", "acme", DETECTED, Optional.of(DETECTED.plusDays(7)), 5);
        Breach late = new Breach("b-2", "acme", DETECTED, Optional.of(DETECTED.plusDays(8)), 5);
        Breach unreported = breach("b-3", "acme", DETECTED, 5);

        assertThat(RULES.assess(onTime, List.of(), DETECTED.plusDays(30)).reportLate())
                .isFalse();
        assertThat(RULES.assess(late, List.of(), DETECTED.plusDays(30)).reportLate())
                .isTrue();
        assertThat(RULES.assess(unreported, List.of(), DETECTED.plusDays(7)).reportLate())
                .isFalse();
        assertThat(RULES.assess(unreported, List.of(), DETECTED.plusDays(8)).reportLate())
                .isTrue();
    }

    @Test
    void thePartysThirdBreachInAYearIsAPattern() {
        Breach first = breach("b-1", "acme", LocalDate.of(2025, 6, 1), 1);
        Breach second = breach("b-2", "acme", LocalDate.of(2025, 12, 1), 1);
        Breach elsewhere = breach("b-x", "zeta", LocalDate.of(2026, 1, 1), 1);
        Breach third = breach("b-3", "acme", DETECTED, 1);

        assertThat(RULES.assess(second, List.of(first, second, elsewhere), DETECTED)
                        .patternOfBreach())
                .isFalse();
        BreachAssessment assessment = RULES.assess(third, List.of(first, second, elsewhere, third), DETECTED);
        assertThat(assessment.breachesInPatternWindow()).isEqualTo(3);
        assertThat(assessment.patternOfBreach()).isTrue();
    }

    @Test
    void thePatternThresholdIsConfigurable() {
        BreachRules strict = new BreachRules(BreachPolicy.CPUC.withPattern(1, Period.ofYears(1)));
        Breach only = breach("b-1", "acme", DETECTED, 1);

        assertThat(strict.assess(only, List.of(only), DETECTED).patternOfBreach())
                .isTrue();
    }

    private static Breach breach(String id, String party, LocalDate detected, int customers) {
        return new Breach(id, party, detected, Optional.empty(), customers);
    }
}
