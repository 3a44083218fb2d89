package org.meterguard.core.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReliabilityIndicesTest {
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-02-01T00:00:00Z");

    @Test
    void sustainedInterruptionsMakeSaidiAndSaifiAndShortOnesMaifi() {
        List<Outage> outages = List.of(
                outage(FROM.plusSeconds(3600), 60 * 60), // 60 min, sustained
                outage(FROM.plusSeconds(7200), 30 * 60), // 30 min, sustained
                outage(FROM.plusSeconds(9000), 5 * 60), // exactly 5 min: momentary
                outage(FROM.minusSeconds(7200), 60 * 60), // began before the period: not counted
                new Outage(TO.minusSeconds(600), Optional.empty())); // open: 10 min to the period's end

        ReliabilityIndices indices = ReliabilityIndices.of(outages, 10, FROM, TO);

        assertThat(indices.sustainedInterruptions()).isEqualTo(3);
        assertThat(indices.momentaryInterruptions()).isEqualTo(1);
        assertThat(indices.customerMinutesInterrupted()).isEqualTo(100.0);
        assertThat(indices.saifi()).isEqualTo(0.3);
        assertThat(indices.saidi()).isEqualTo(10.0);
        assertThat(indices.caidi()).isCloseTo(33.333, within(0.001));
        assertThat(indices.maifi()).isEqualTo(0.1);
    }

    @Test
    void noInterruptionsGiveZerosAndNoCustomersIsAnError() {
        assertThat(ReliabilityIndices.of(List.of(), 5, FROM, TO).caidi()).isZero();
        assertThatThrownBy(() -> ReliabilityIndices.of(List.of(), 0, FROM, TO))
                .hasMessageContaining("at least one customer");
    }

    private static Outage outage(Instant start, long seconds) {
        return new Outage(start, Optional.of(start.plusSeconds(seconds)));
    }
}
