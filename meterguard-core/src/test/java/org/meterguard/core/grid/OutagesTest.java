package org.meterguard.core.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutagesTest {
    private static final Instant T = Instant.parse("2026-07-01T12:00:00Z");

    @Test
    void pairsDownWithTheNextUpInTimeOrder() {
        Outages outages = Outages.of(List.of(
                PowerEvent.up(T.plusSeconds(600)),
                PowerEvent.down(T),
                PowerEvent.down(T.plusSeconds(3600)),
                PowerEvent.up(T.plusSeconds(3630))));

        assertThat(outages.outages())
                .containsExactly(
                        new Outage(T, Optional.of(T.plusSeconds(600))),
                        new Outage(T.plusSeconds(3600), Optional.of(T.plusSeconds(3630))));
        assertThat(outages.unmatchedRestorations()).isZero();
    }

    @Test
    void aRepeatedLastGaspIsOneOutageAndAnUpWithoutDownIsCountedNotInvented() {
        Outages outages = Outages.of(List.of(
                PowerEvent.up(T.minusSeconds(60)),
                PowerEvent.down(T),
                PowerEvent.down(T.plusSeconds(5)),
                PowerEvent.up(T.plusSeconds(900)),
                PowerEvent.down(T.plusSeconds(2000))));

        assertThat(outages.outages())
                .containsExactly(
                        new Outage(T, Optional.of(T.plusSeconds(900))),
                        new Outage(T.plusSeconds(2000), Optional.empty()));
        assertThat(outages.unmatchedRestorations()).isEqualTo(1);
        assertThat(outages.outages().get(1).duration(T.plusSeconds(2600))).isEqualTo(Duration.ofMinutes(10));
    }
}
