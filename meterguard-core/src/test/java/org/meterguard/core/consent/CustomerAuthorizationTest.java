package org.meterguard.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomerAuthorizationTest {
    private static final Instant START = Instant.parse("2026-01-01T08:00:00Z");

    @Test
    void onlyTheGrantingMechanismMayRevoke() {
        CustomerAuthorization signed = openEnded(GrantMechanism.SIGNED_FORM);

        assertThatThrownBy(() -> signed.revoke(GrantMechanism.ONLINE, START.plusSeconds(60), "customer:A-1"))
                .isInstanceOf(ConsentRuleViolated.class)
                .hasMessageContaining("granted SIGNED_FORM and can be revoked only SIGNED_FORM, not ONLINE");
        CustomerAuthorization revoked = signed.revoke(GrantMechanism.SIGNED_FORM, START.plusSeconds(60), "csr-1");
        assertThat(revoked.statusAt(START.plusSeconds(60))).isEqualTo(AuthorizationStatus.REVOKED);
        assertThat(revoked.statusAt(START.plusSeconds(59))).isEqualTo(AuthorizationStatus.ACTIVE);
    }

    @Test
    void anAuthorizationIsRevokedOnce() {
        CustomerAuthorization revoked = openEnded(GrantMechanism.ONLINE).revoke(GrantMechanism.ONLINE, START, "c");

        assertThatThrownBy(() -> revoked.revoke(GrantMechanism.ONLINE, START.plusSeconds(1), "c"))
                .hasMessageContaining("already REVOKED");
    }

    @Test
    void onlyResidentialAuthorizationsMayBeOpenEnded() {
        assertThatThrownBy(() -> new CustomerAuthorization(
                        "a",
                        "B-1",
                        "acme",
                        "load-study",
                        DisclosureRulesTest.scope(),
                        START,
                        Optional.empty(),
                        GrantMechanism.ONLINE,
                        false,
                        Optional.empty()))
                .hasMessageContaining("non-residential account and needs an expiry");
    }

    @Test
    void anOpenEndedAuthorizationIsDueAReminderEveryYear() {
        CustomerAuthorization open = openEnded(GrantMechanism.ONLINE);
        Instant aYearOn = Instant.parse("2027-01-01T08:00:00Z");

        assertThat(open.reminderDueAt(aYearOn.minusSeconds(1), Optional.empty()))
                .isFalse();
        assertThat(open.reminderDueAt(aYearOn, Optional.empty())).isTrue();
        assertThat(open.reminderDueAt(aYearOn.plusSeconds(86_400), Optional.of(aYearOn)))
                .isFalse();
        assertThat(open.reminderDueAt(Instant.parse("2028-01-01T08:00:00Z"), Optional.of(aYearOn)))
                .isTrue();
        CustomerAuthorization revoked = open.revoke(GrantMechanism.ONLINE, START.plusSeconds(10), "c");
        assertThat(revoked.reminderDueAt(aYearOn, Optional.empty())).isFalse();
    }

    @Test
    void twoAuthorizationsForTheSamePartyAndPurposeOverlapUntilOneEnds() {
        CustomerAuthorization first = openEnded(GrantMechanism.ONLINE);
        CustomerAuthorization second = new CustomerAuthorization(
                "a-2",
                "A-1",
                "acme",
                "home-energy-report",
                DisclosureRulesTest.scope(),
                START.plusSeconds(3600),
                Optional.empty(),
                GrantMechanism.SIGNED_FORM,
                true,
                Optional.empty());

        assertThat(first.overlaps(second)).isTrue();
        assertThat(first.revoke(GrantMechanism.ONLINE, START.plusSeconds(3600), "c")
                        .overlaps(second))
                .isFalse();
    }

    @Test
    void refusesAPurposeThatIsNotAToken() {
        assertThatThrownBy(() -> new CustomerAuthorization(
                        "a",
                        "A-1",
                        "acme",
                        "Sell To Marketers",
                        DisclosureRulesTest.scope(),
                        START,
                        Optional.empty(),
                        GrantMechanism.ONLINE,
                        true,
                        Optional.empty()))
                .hasMessageContaining("invalid purpose 'Sell To Marketers'");
    }

    private static CustomerAuthorization openEnded(GrantMechanism mechanism) {
        return new CustomerAuthorization(
                "a-1",
                "A-1",
                "acme",
                "home-energy-report",
                DisclosureRulesTest.scope(),
                START,
                Optional.empty(),
                mechanism,
                true,
                Optional.empty());
    }
}
