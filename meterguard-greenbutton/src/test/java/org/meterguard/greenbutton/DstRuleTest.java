package org.meterguard.greenbutton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DstRuleTest {
    @Test
    void decodesTheSchemasOwnExample() {
        // "DST starts on third Friday in March at 1:45 AM": seconds 2700, hour 1, weekday 5, operator 4, month 3.
        DstRule rule = new DstRule(3 << 28 | 4 << 25 | 5 << 17 | 1 << 12 | 2700);

        assertThat(rule.in(2026)).isEqualTo(LocalDateTime.of(2026, 3, 20, 1, 45));
    }

    @Test
    void encodesUsRulesAsEspisSamplesDo() {
        LocalTimeParameters eastern = LocalTimeParameters.of(ZoneId.of("America/New_York"), Instant.EPOCH);

        assertThat(eastern).isEqualTo(new LocalTimeParameters(-18_000, 3_600, "360E2000", "B40E2000"));
        assertThat(DstRule.parse("360E2000").in(2026)).isEqualTo(LocalDateTime.of(2026, 3, 8, 2, 0));
        assertThat(DstRule.parse("B40E2000").in(2026)).isEqualTo(LocalDateTime.of(2026, 11, 1, 2, 0));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "America/Los_Angeles",
                "America/New_York",
                "America/Havana",
                "Europe/London",
                "Europe/Berlin",
                "Australia/Sydney",
                "Pacific/Auckland",
                "America/Santiago"
            })
    void encodedRulesGiveTheZonesOwnTransitionsForYearsAhead(String name) {
        ZoneId zone = ZoneId.of(name);
        ZoneRules rules = zone.getRules();
        LocalTimeParameters parameters = LocalTimeParameters.of(zone, Instant.parse("2026-01-01T00:00:00Z"));
        DstRule start = DstRule.parse(parameters.dstStartRule());
        DstRule end = DstRule.parse(parameters.dstEndRule());

        for (int year = 2030; year <= 2045; year++) {
            ZoneOffsetTransition spring = transition(rules, year, true);
            ZoneOffsetTransition autumn = transition(rules, year, false);
            assertThat(start.in(year)).as(name + " " + year).isEqualTo(spring.getDateTimeBefore());
            assertThat(end.in(year)).as(name + " " + year).isEqualTo(autumn.getDateTimeBefore());
            assertThat(parameters.dstOffset()).isEqualTo(spring.getDuration().getSeconds());
            assertThat(parameters.tzOffset()).isEqualTo(spring.getOffsetBefore().getTotalSeconds());
        }
    }

    @Test
    void theDisabledRuleNamesNoDate() {
        assertThat(DstRule.parse("FFFFFFFF").disabled()).isTrue();
        assertThatThrownBy(() -> DstRule.DISABLED.in(2026)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DstRule.parse("36G")).hasMessageContaining("36G");
    }

    private static ZoneOffsetTransition transition(ZoneRules rules, int year, boolean gap) {
        Instant at = Instant.parse(year + "-01-01T00:00:00Z");
        for (int i = 0; i < 4; i++) {
            ZoneOffsetTransition next = rules.nextTransition(at);
            if (next.isGap() == gap && next.getDateTimeBefore().getYear() == year) {
                return next;
            }
            at = next.getInstant();
        }
        throw new IllegalStateException("no transition in " + year);
    }
}
