package org.meterguard.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.meterguard.core.PurposeOfUse;
import org.meterguard.core.TimeRange;
import org.meterguard.core.thirdparty.Contract;
import org.meterguard.core.thirdparty.ContractStatus;
import org.meterguard.core.thirdparty.CutOff;
import org.meterguard.core.thirdparty.CutOffReason;
import org.meterguard.core.thirdparty.ThirdParty;

class DisclosureRulesTest {
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final DisclosureRules RULES = new DisclosureRules(PACIFIC);
    private static final Instant START = Instant.parse("2026-01-01T08:00:00Z");
    private static final Instant EXPIRY = Instant.parse("2026-07-01T07:00:00Z");
    private static final TimeRange JUNE = new TimeRange(Instant.parse("2026-06-01T07:00:00Z"), EXPIRY);
    private static final ThirdParty PARTY =
            new ThirdParty("acme-energy", "Acme Energy", "privacy@acme.test", Optional.empty());

    @Test
    void anActiveAuthorizationCoveringTheRequestPermitsIt() {
        DisclosureDecision decision = decide(request(EXPIRY.minusNanos(1)), List.of(authorization()));

        assertThat(decision.permitted()).isTrue();
        assertThat(decision.basis()).isEqualTo("CUSTOMER_AUTHORIZATION:auth-1");
    }

    @Test
    void anExpiredAuthorizationReturnsNothing() {
        DisclosureDecision decision = decide(request(EXPIRY), List.of(authorization()));

        assertThat(decision.permitted()).isFalse();
        assertThat(decision.reason()).isEqualTo("authorization auth-1 is EXPIRED");
    }

    @Test
    void anAuthorizationNotYetStartedReturnsNothing() {
        assertThat(decide(request(START.minusNanos(1)), List.of(authorization()))
                        .reason())
                .isEqualTo("authorization auth-1 is PENDING");
    }

    @Test
    void revocationTakesEffectOnTheVeryNextDecision() {
        Instant revokedAt = Instant.parse("2026-06-15T12:00:00Z");
        CustomerAuthorization revoked = authorization().revoke(GrantMechanism.ONLINE, revokedAt, "customer:A-1");

        assertThat(decide(request(revokedAt.minusNanos(1)), List.of(revoked)).permitted())
                .isTrue();
        assertThat(decide(request(revokedAt), List.of(revoked)).reason()).isEqualTo("authorization auth-1 is REVOKED");
    }

    @Test
    void cutOffCeasesDisclosureAtOnceWhateverTheAuthorization() {
        Instant cutAt = Instant.parse("2026-06-15T12:00:00Z");
        ThirdParty cut = PARTY.cutOff(new CutOff(cutAt, CutOffReason.PRIVACY_OFFICER_DECISION, "officer", ""));

        assertThat(RULES.decide(request(cutAt.minusNanos(1)), Optional.of(cut), List.of(), List.of(authorization()))
                        .permitted())
                .isTrue();
        DisclosureDecision after = RULES.decide(request(cutAt), Optional.of(cut), List.of(), List.of(authorization()));
        assertThat(after.permitted()).isFalse();
        assertThat(after.reason()).contains("was cut off at 2026-06-15T12:00:00Z (PRIVACY_OFFICER_DECISION)");
    }

    @Test
    void noAuthorizationNoDisclosure() {
        assertThat(decide(request(JUNE.from()), List.of()).reason())
                .isEqualTo("the customer has not authorized acme-energy for home-energy-report");
        CustomerAuthorization otherParty = new CustomerAuthorization(
                "auth-2",
                "A-1",
                "other-co",
                "home-energy-report",
                scope(),
                START,
                Optional.of(EXPIRY),
                GrantMechanism.ONLINE,
                true,
                Optional.empty());
        assertThat(decide(request(JUNE.from()), List.of(otherParty)).permitted())
                .isFalse();
    }

    @Test
    void anUnregisteredPartyGetsNothing() {
        assertThat(RULES.decide(request(JUNE.from()), Optional.empty(), List.of(), List.of(authorization()))
                        .reason())
                .isEqualTo("third party acme-energy is not registered");
    }

    @Test
    void aRequestOutsideTheScopeIsRefusedWithWhatIsOutside() {
        Instant at = JUNE.from();
        DisclosureRequest before = new DisclosureRequest(
                "acme-energy",
                "A-1",
                PurposeOfUse.SECONDARY,
                "home-energy-report",
                InformationCategory.INTERVAL_USAGE,
                new TimeRange(JUNE.from().minus(Duration.ofDays(200)), JUNE.to()),
                Granularity.HOURLY,
                at);
        DisclosureRequest finer = new DisclosureRequest(
                "acme-energy",
                "A-1",
                PurposeOfUse.SECONDARY,
                "home-energy-report",
                InformationCategory.INTERVAL_USAGE,
                JUNE,
                Granularity.QUARTER_HOURLY,
                at);
        DisclosureRequest account = new DisclosureRequest(
                "acme-energy",
                "A-1",
                PurposeOfUse.SECONDARY,
                "home-energy-report",
                InformationCategory.ACCOUNT_INFORMATION,
                JUNE,
                Granularity.HOURLY,
                at);

        assertThat(decide(before, List.of(authorization())).reason()).contains("lies outside the authorized");
        assertThat(decide(finer, List.of(authorization())).reason())
                .contains("QUARTER_HOURLY is finer than the authorized HOURLY");
        assertThat(decide(account, List.of(authorization())).reason()).contains("does not cover ACCOUNT_INFORMATION");
    }

    @Test
    void aPrimaryPurposeGoesOnlyToAContractorBoundByAContractInForce() {
        Instant at = Instant.parse("2026-06-10T18:00:00Z");
        DisclosureRequest billing = new DisclosureRequest(
                "acme-energy",
                "A-1",
                PurposeOfUse.CONTRACTED_PROGRAM,
                "",
                InformationCategory.INTERVAL_USAGE,
                JUNE,
                Granularity.QUARTER_HOURLY,
                at);

        assertThat(RULES.decide(
                                billing,
                                Optional.of(PARTY),
                                List.of(contract(true, true, ContractStatus.ACTIVE)),
                                List.of())
                        .basis())
                .isEqualTo("CONTRACT:c-1");
        assertThat(RULES.decide(billing, Optional.of(PARTY), List.of(), List.of())
                        .reason())
                .contains("has no contract");
        assertThat(RULES.decide(
                                billing,
                                Optional.of(PARTY),
                                List.of(contract(false, true, ContractStatus.ACTIVE)),
                                List.of())
                        .reason())
                .contains("has no confirmed protective terms");
        assertThat(RULES.decide(
                                billing,
                                Optional.of(PARTY),
                                List.of(contract(true, false, ContractStatus.ACTIVE)),
                                List.of())
                        .reason())
                .contains("does not make the party a primary-purpose contractor");
        assertThat(RULES.decide(
                                billing,
                                Optional.of(PARTY),
                                List.of(contract(true, true, ContractStatus.SUSPENDED)),
                                List.of())
                        .reason())
                .contains("is SUSPENDED");
    }

    @Test
    void aContractEndsAtTheStartOfItsExpiryDayInTheUtilitysZone() {
        Contract contract = contract(true, true, ContractStatus.ACTIVE);
        Instant lastMoment =
                LocalDate.of(2027, 1, 1).atStartOfDay(PACIFIC).toInstant().minusNanos(1);
        DisclosureRequest inForce = new DisclosureRequest(
                "acme-energy",
                "A-1",
                PurposeOfUse.CONTRACTED_PROGRAM,
                "",
                InformationCategory.INTERVAL_USAGE,
                JUNE,
                Granularity.DAILY,
                lastMoment);
        DisclosureRequest expired = new DisclosureRequest(
                "acme-energy",
                "A-1",
                PurposeOfUse.CONTRACTED_PROGRAM,
                "",
                InformationCategory.INTERVAL_USAGE,
                JUNE,
                Granularity.DAILY,
                lastMoment.plusNanos(1));

        assertThat(RULES.decide(inForce, Optional.of(PARTY), List.of(contract), List.of())
                        .permitted())
                .isTrue();
        assertThat(RULES.decide(expired, Optional.of(PARTY), List.of(contract), List.of())
                        .reason())
                .contains("expired on 2027-01-01");
    }

    @Test
    void aContractCannotStandInForASecondaryPurposeOrALegalDemand() {
        assertThatThrownBy(() -> new Contract(
                        "c-2",
                        "acme-energy",
                        "terms",
                        true,
                        LocalDate.of(2026, 1, 1),
                        Optional.empty(),
                        ContractStatus.ACTIVE,
                        Set.of(PurposeOfUse.SECONDARY),
                        true))
                .hasMessageContaining("cannot allow SECONDARY");
        DisclosureRequest legal = new DisclosureRequest(
                "acme-energy",
                "A-1",
                PurposeOfUse.LEGAL_REQUIREMENT,
                "",
                InformationCategory.INTERVAL_USAGE,
                JUNE,
                Granularity.DAILY,
                JUNE.from());
        assertThat(RULES.decide(
                                legal,
                                Optional.of(PARTY),
                                List.of(contract(true, true, ContractStatus.ACTIVE)),
                                List.of())
                        .permitted())
                .isFalse();
    }

    private static DisclosureDecision decide(DisclosureRequest request, List<CustomerAuthorization> authorizations) {
        return RULES.decide(request, Optional.of(PARTY), List.of(), authorizations);
    }

    private static DisclosureRequest request(Instant at) {
        return new DisclosureRequest(
                "acme-energy",
                "A-1",
                PurposeOfUse.SECONDARY,
                "home-energy-report",
                InformationCategory.INTERVAL_USAGE,
                JUNE,
                Granularity.HOURLY,
                at);
    }

    static AuthorizationScope scope() {
        return new AuthorizationScope(
                EnumSet.of(InformationCategory.INTERVAL_USAGE, InformationCategory.USAGE_SUMMARY),
                new TimeRange(Instant.parse("2026-01-01T08:00:00Z"), Instant.parse("2026-12-01T08:00:00Z")),
                Granularity.HOURLY);
    }

    private static CustomerAuthorization authorization() {
        return new CustomerAuthorization(
                "auth-1",
                "A-1",
                "acme-energy",
                "home-energy-report",
                scope(),
                START,
                Optional.of(EXPIRY),
                GrantMechanism.ONLINE,
                true,
                Optional.empty());
    }

    private static Contract contract(boolean protective, boolean contractor, ContractStatus status) {
        return new Contract(
                "c-1",
                "acme-energy",
                "DR program terms v3",
                protective,
                LocalDate.of(2026, 1, 1),
                Optional.of(LocalDate.of(2027, 1, 1)),
                status,
                Set.of(PurposeOfUse.CONTRACTED_PROGRAM),
                contractor);
    }
}
