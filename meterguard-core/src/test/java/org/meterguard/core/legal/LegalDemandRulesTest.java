package org.meterguard.core.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.meterguard.core.TimeRange;
import org.meterguard.core.consent.InformationCategory;

class LegalDemandRulesTest {
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);
    private static final LegalDemandRules RULES = new LegalDemandRules(LegalDemandPolicy.CPUC, ZONE);
    private static final TimeRange MARCH_1 = day(LocalDate.of(2026, 3, 1));

    @Test
    void aSubpoenaIsReleasedOnlyAfterTheCustomerWasNotifiedAndSevenDaysPassed() {
        LegalDemand subpoena = demand(LegalDemandKind.SUBPOENA, false);
        CustomerNotice notice = new CustomerNotice("LD-1", "A-1", LocalDate.of(2026, 3, 3), "letter");

        assertThat(release(subpoena, Optional.empty(), "A-1", RECEIVED).reason())
                .contains("has not been notified")
                .contains("allow 7 days to contest");
        ReleaseDecision onLastDay = release(subpoena, Optional.of(notice), "A-1", LocalDate.of(2026, 3, 10));
        assertThat(onLastDay.permitted()).isFalse();
        assertThat(onLastDay.reason())
                .isEqualTo("the customer of account A-1 was notified of SUBPOENA LD-1 on 2026-03-03 and may contest"
                        + " it through 2026-03-10; nothing is released before 2026-03-11");
        ReleaseDecision dayAfter = release(subpoena, Optional.of(notice), "A-1", LocalDate.of(2026, 3, 11));
        assertThat(dayAfter.ground()).contains(ReleaseGround.CONTEST_PERIOD_PASSED);
    }

    @Test
    void aNoticeToAnotherAccountsCustomerDoesNotCount() {
        LegalDemand subpoena = demand(LegalDemandKind.SUBPOENA, false);
        CustomerNotice other = new CustomerNotice("LD-1", "A-2", LocalDate.of(2026, 3, 2), "letter");

        assertThat(release(subpoena, Optional.of(other), "A-1", LocalDate.of(2026, 4, 1))
                        .permitted())
                .isFalse();
    }

    @Test
    void anEmergencyAnOrderThatForbidsNoticeAndACourtOrderAreReleasedWithoutWaiting() {
        assertThat(release(demand(LegalDemandKind.EMERGENCY, false), Optional.empty(), "A-1", RECEIVED)
                        .ground())
                .contains(ReleaseGround.EMERGENCY);
        assertThat(release(demand(LegalDemandKind.SUBPOENA, true), Optional.empty(), "A-1", RECEIVED)
                        .ground())
                .contains(ReleaseGround.NOTICE_FORBIDDEN);
        assertThat(release(demand(LegalDemandKind.COURT_ORDER, false), Optional.empty(), "A-1", RECEIVED)
                        .ground())
                .contains(ReleaseGround.ORDER);
    }

    @Test
    void theContestPeriodIsConfigurableAndMayCoverOrders() {
        LegalDemandRules strict = new LegalDemandRules(
                new LegalDemandPolicy(14, EnumSet.of(LegalDemandKind.SUBPOENA, LegalDemandKind.COURT_ORDER)), ZONE);
        CustomerNotice notice = new CustomerNotice("LD-1", "A-1", RECEIVED, "email");
        LegalDemand order = demand(LegalDemandKind.COURT_ORDER, false);

        assertThat(strict.decideRelease(
                                order,
                                Optional.of(notice),
                                "A-1",
                                InformationCategory.INTERVAL_USAGE,
                                MARCH_1,
                                RECEIVED.plusDays(14))
                        .permitted())
                .isFalse();
        assertThat(strict.decideRelease(
                                order,
                                Optional.of(notice),
                                "A-1",
                                InformationCategory.INTERVAL_USAGE,
                                MARCH_1,
                                RECEIVED.plusDays(15))
                        .permitted())
                .isTrue();
        assertThatThrownBy(() -> new LegalDemandPolicy(7, EnumSet.of(LegalDemandKind.EMERGENCY)))
                .isInstanceOf(LegalRuleViolated.class);
        assertThatThrownBy(() -> new LegalDemandPolicy(-1, EnumSet.noneOf(LegalDemandKind.class)))
                .hasMessageContaining("-1 days");
    }

    @Test
    void onlyAnOpenDemandReleasesAndOnlyWhatItsScopeNames() {
        LegalDemand order = demand(LegalDemandKind.COURT_ORDER, false);

        assertThat(release(order.withStatus(LegalDemandStatus.CONTESTED), Optional.empty(), "A-1", RECEIVED)
                        .reason())
                .isEqualTo("COURT_ORDER LD-1 is CONTESTED: nothing is released under it until the contest is"
                        + " resolved");
        assertThat(release(order.withStatus(LegalDemandStatus.QUASHED), Optional.empty(), "A-1", RECEIVED)
                        .permitted())
                .isFalse();
        assertThat(release(order, Optional.empty(), "A-3", RECEIVED).reason()).contains("does not name account A-3");
        assertThat(RULES.decideRelease(
                                order,
                                Optional.empty(),
                                "A-1",
                                InformationCategory.ACCOUNT_INFORMATION,
                                MARCH_1,
                                RECEIVED)
                        .reason())
                .contains("does not demand ACCOUNT_INFORMATION");
        // the scope runs from Feb 1 through Mar 1 local: Mar 2 is outside, and so is the last hour of Jan 31
        assertThat(RULES.decideRelease(
                                order,
                                Optional.empty(),
                                "A-1",
                                InformationCategory.INTERVAL_USAGE,
                                day(LocalDate.of(2026, 3, 2)),
                                RECEIVED)
                        .reason())
                .contains("outside the demanded 2026-02-01 through 2026-03-01");
        TimeRange february = new TimeRange(
                LocalDate.of(2026, 2, 1).atStartOfDay(ZONE).toInstant(),
                LocalDate.of(2026, 3, 2).atStartOfDay(ZONE).toInstant());
        assertThat(RULES.decideRelease(
                                order, Optional.empty(), "A-1", InformationCategory.INTERVAL_USAGE, february, RECEIVED)
                        .permitted())
                .isTrue();
        assertThat(RULES.decideRelease(
                                order,
                                Optional.empty(),
                                "A-1",
                                InformationCategory.INTERVAL_USAGE,
                                new TimeRange(february.from().minusSeconds(3600), february.to()),
                                RECEIVED)
                        .permitted())
                .isFalse();
    }

    @Test
    void aNoticeIsRefusedWhereAnOrderForbidsItOrItsDayIsImpossible() {
        LegalDemand subpoena = demand(LegalDemandKind.SUBPOENA, false);

        assertThat(RULES.refusalOfNotice(demand(LegalDemandKind.SUBPOENA, true), "A-1", RECEIVED, RECEIVED))
                .contains("an order forbids notifying the customer of legal demand LD-1");
        assertThat(RULES.refusalOfNotice(subpoena, "A-9", RECEIVED, RECEIVED)).isPresent();
        assertThat(RULES.refusalOfNotice(subpoena, "A-1", RECEIVED.minusDays(1), RECEIVED))
                .hasValueSatisfying(r -> assertThat(r).contains("precedes"));
        assertThat(RULES.refusalOfNotice(subpoena, "A-1", RECEIVED.plusDays(1), RECEIVED))
                .hasValueSatisfying(r -> assertThat(r).contains("after today"));
        assertThat(RULES.refusalOfNotice(subpoena, "A-2", RECEIVED, RECEIVED)).isEmpty();
    }

    @Test
    void aDemandNamesItsAccountsCategoriesAndAnOrderedPeriod() {
        assertThatThrownBy(() -> new LegalDemandScope(
                        List.of(), EnumSet.of(InformationCategory.INTERVAL_USAGE), RECEIVED, RECEIVED))
                .hasMessageContaining("at least one customer account");
        assertThatThrownBy(() -> new LegalDemandScope(
                        List.of("A-1"), EnumSet.noneOf(InformationCategory.class), RECEIVED, RECEIVED))
                .hasMessageContaining("at least one category");
        assertThatThrownBy(() -> new LegalDemandScope(
                        List.of("A-1"),
                        EnumSet.of(InformationCategory.INTERVAL_USAGE),
                        RECEIVED,
                        RECEIVED.minusDays(1)))
                .hasMessageContaining("before it begins");
        assertThat(new LegalDemandScope(
                                List.of("B", "A", "B"),
                                EnumSet.of(InformationCategory.INTERVAL_USAGE),
                                RECEIVED,
                                RECEIVED)
                        .accountIds())
                .containsExactly("A", "B");
        assertThatThrownBy(() -> new LegalDemand(
                        "bad id", LegalDemandKind.SUBPOENA, "court", RECEIVED, scope(), false, LegalDemandStatus.OPEN))
                .hasMessageContaining("invalid legal demand id 'bad id'");
        assertThatThrownBy(() -> new LegalDemand(
                        "LD-2", LegalDemandKind.SUBPOENA, " ", RECEIVED, scope(), false, LegalDemandStatus.OPEN))
                .hasMessageContaining("needs its issuer");
    }

    private static ReleaseDecision release(
            LegalDemand demand, Optional<CustomerNotice> notice, String account, LocalDate today) {
        return RULES.decideRelease(demand, notice, account, InformationCategory.INTERVAL_USAGE, MARCH_1, today);
    }

    private static LegalDemand demand(LegalDemandKind kind, boolean noticeForbidden) {
        return new LegalDemand(
                "LD-1", kind, "Superior Court", RECEIVED, scope(), noticeForbidden, LegalDemandStatus.OPEN);
    }

    private static LegalDemandScope scope() {
        return new LegalDemandScope(
                List.of("A-1", "A-2"),
                EnumSet.of(InformationCategory.INTERVAL_USAGE),
                LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 3, 1));
    }

    private static TimeRange day(LocalDate day) {
        return new TimeRange(
                day.atStartOfDay(ZONE).toInstant(),
                day.plusDays(1).atStartOfDay(ZONE).toInstant());
    }
}
