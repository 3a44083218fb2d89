package org.meterguard.core.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class RatePlanYamlTest {
    @Test
    void readsDecimalsAsWrittenAndTimesAsTimes() {
        RatePlan plan = TimeOfUseBillTest.TOU;
        PlanVersion version = plan.versionOn(LocalDate.of(2026, 7, 1));

        EnergyPricing.TimeOfUse prices = (EnergyPricing.TimeOfUse) version.energy();
        assertThat(prices.pricePerKwh().values())
                .extracting(BigDecimal::toPlainString)
                .contains("0.50", "0.28");
        assertThat(version.schedule()
                        .periodAt(LocalDateTime.parse("2026-07-01T16:00"))
                        .name())
                .isEqualTo("on-peak");
        assertThat(version.schedule()
                        .periodAt(LocalDateTime.parse("2026-07-01T15:59"))
                        .name())
                .isEqualTo("off-peak");
        assertThat(version.schedule().dayType(LocalDate.of(2026, 9, 7))).isEqualTo(DayType.HOLIDAY);
    }

    @Test
    void mergeKeysLetALaterVersionChangeOnlyWhatChanged() {
        RatePlan plan = Loads.plan("""
                id: merged
                name: Merged
                customerClass: residential
                zone: America/Los_Angeles
                versions:
                  - &v1
                    effective: 2026-01-01
                    energy: {flat: 0.30}
                    fixed: [{name: customer charge, perDay: 0.40}]
                  - <<: *v1
                    effective: 2026-06-01
                    energy: {flat: 0.33}
                """);

        PlanVersion june = plan.versionOn(LocalDate.of(2026, 6, 1));
        assertThat(((EnergyPricing.Flat) june.energy()).pricePerKwh()).isEqualByComparingTo("0.33");
        assertThat(june.fixedCharges()).hasSize(1);
        assertThat(plan.versionOn(LocalDate.of(2026, 5, 31)).effectiveFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void aMissingPriceIsRefusedNamingTheSeasonPeriod() {
        assertThatThrownBy(() -> Loads.plan("""
                        id: gaps
                        name: Gaps
                        customerClass: residential
                        zone: America/Los_Angeles
                        versions:
                          - effective: 2026-01-01
                        """ + TimeOfUseBillTest.TOU_SEASONS + """
                            energy:
                              timeOfUse:
                                summer: {on-peak: 0.50, off-peak: 0.30}
                                winter: {off-peak: 0.28}
                        """))
                .isInstanceOf(RatePlanInvalid.class)
                .hasMessageContaining("test.yaml.versions[0].energy")
                .hasMessageContaining("no energy price for winter on-peak");
    }

    @Test
    void aBadValueIsRefusedNamingItsEntry() {
        assertThatThrownBy(() -> Loads.plan("""
                        id: bad
                        name: Bad
                        customerClass: residential
                        zone: America/Los_Angeles
                        versions:
                          - effective: 2026-01-01
                            energy: {flat: 0.3O}
                        """))
                .isInstanceOf(RatePlanInvalid.class)
                .hasMessageContaining("test.yaml.versions[0].energy.flat is '0.3O', not a decimal number");
        assertThatThrownBy(() -> Loads.plan("""
                        id: bad
                        name: Bad
                        customerClass: residential
                        zone: America/Los_Angeles
                        versions:
                          - effective: 2026-01-01
                            energy: {flat: -0.30}
                        """)).hasMessageContaining("not negative");
    }

    @Test
    void aBillBeforeThePlansFirstVersionIsRefused() {
        assertThatThrownBy(() -> TimeOfUseBillTest.TOU.segments(Loads.period("2025-12-01", "2026-01-01")))
                .hasMessageContaining("no version in effect on 2025-12-01");
    }
}
