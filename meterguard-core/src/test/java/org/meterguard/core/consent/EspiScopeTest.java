package org.meterguard.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.meterguard.core.TimeRange;

class EspiScopeTest {
    private static final Instant GRANTED = Instant.parse("2026-06-10T12:34:56Z");

    @Test
    void mapsInterval15MinuteScopeOntoAuthorizationScope() {
        EspiScope scope = EspiScope.parse("FB=1_3_4_5_13_14;IntervalDuration=900;BlockDuration=daily;"
                + "HistoryLength=86400;AuthorizationLength=864000");

        AuthorizationScope granted = scope.authorizationScope(GRANTED);

        assertThat(granted.categories()).containsExactly(InformationCategory.INTERVAL_USAGE);
        assertThat(granted.finest()).isEqualTo(Granularity.QUARTER_HOURLY);
        assertThat(granted.usagePeriod())
                .isEqualTo(new TimeRange(Instant.parse("2026-06-09T13:00:00Z"), Instant.parse("2026-06-20T12:00:00Z")));
        assertThat(scope.expiry(GRANTED)).isEqualTo(Instant.parse("2026-06-20T12:34:56Z"));
    }

    @Test
    void hourlyOnlyScopeAllowsNoQuarterHours() {
        EspiScope scope = EspiScope.parse("FB=4_15;IntervalDuration=3600;HistoryLength=31536000");

        assertThat(scope.finest()).isEqualTo(Granularity.HOURLY);
        assertThat(scope.categories())
                .containsExactlyInAnyOrder(InformationCategory.INTERVAL_USAGE, InformationCategory.USAGE_SUMMARY);
        assertThat(scope.length()).isEqualTo(Duration.ofDays(365));
        assertThat(scope.functionBlocks()).isEqualTo(Set.of(4, 15));
        assertThat(EspiScope.parse("FB=4;IntervalDuration=900_3600;HistoryLength=60")
                        .finest())
                .isEqualTo(Granularity.QUARTER_HOURLY);
    }

    @Test
    void refusesAdministrativeMissingAndMalformedScopes() {
        for (String bad : new String[] {
            "readings.read",
            "vee.read",
            "openid",
            "",
            "FB=4_5",
            "FB=4;IntervalDuration=900",
            "FB=13;IntervalDuration=900;HistoryLength=60",
            "FB=4;IntervalDuration=60;HistoryLength=60",
            "FB=4;IntervalDuration=900;HistoryLength=0",
            "FB=4;IntervalDuration=900;HistoryLength=999999999",
            "FB=4;IntervalDuration=900;HistoryLength=60;Role=ADMINISTRATOR",
            "FB=4;IntervalDuration=900;HistoryLength=60;HistoryLength=70",
            "FB=4;IntervalDuration=900;HistoryLength=60;BlockDuration=monthly",
            "FB=4x;IntervalDuration=900;HistoryLength=60",
            "FB=4;IntervalDuration=900;HistoryLength=60;AuthorizationLength=60",
        }) {
            assertThat(EspiScope.isValid(bad)).as(bad).isFalse();
        }
        assertThatThrownBy(() -> EspiScope.parse("readings.read"))
                .isInstanceOf(ConsentRuleViolated.class)
                .hasMessageContaining("readings.read");
        assertThatThrownBy(() -> EspiScope.parse(null)).hasMessageContaining("required");
    }

    @Test
    void describesTheScopeInWords() {
        assertThat(EspiScope.parse("FB=4_5;IntervalDuration=3600;HistoryLength=2592000")
                        .describe())
                .contains("interval data", "hourly", "30 days before today", "365 days from today");
    }
}
