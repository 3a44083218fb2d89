package org.meterguard.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.meterguard.core.MeterId;
import org.meterguard.core.TimeRange;
import org.meterguard.server.accounts.MeteredPeriod;

/** What is kept and when: only while listening, dropped on every notice, never what was read across a notice. */
class KeptPeriodsTest {
    private final List<String> reads = new ArrayList<>();
    private Runnable duringRead = () -> {};
    private final Function<String, List<MeteredPeriod>> database = account -> {
        reads.add(account);
        duringRead.run();
        return List.of(new MeteredPeriod(
                account,
                "SP-1",
                MeterId.of("MG-1"),
                new TimeRange(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")),
                ZoneId.of("America/Los_Angeles")));
    };
    private final KeptPeriods kept = new KeptPeriods(database, null, 100);

    @Test
    void keepsNothingUntilListening() {
        kept.of("A");
        kept.of("A");
        assertThat(reads).containsExactly("A", "A");
        kept.connected();
        kept.of("A");
        kept.of("A");
        assertThat(reads).containsExactly("A", "A", "A");
    }

    @Test
    void readsAgainAfterANoticeAndAfterTheListenerWasDown() {
        kept.connected();
        kept.of("A");
        kept.dropAll();
        kept.of("A");
        kept.disconnected();
        kept.of("A");
        kept.connected();
        kept.of("A");
        kept.of("A");
        assertThat(reads).containsExactly("A", "A", "A", "A");
    }

    @Test
    void doesNotKeepWhatWasReadWhileANoticeArrived() {
        kept.connected();
        duringRead = kept::dropAll;
        assertThat(kept.of("A")).hasSize(1);
        duringRead = () -> {};
        kept.of("A");
        kept.of("A");
        assertThat(reads).as("the first read was not kept").containsExactly("A", "A");
    }

    @Test
    void doesNotKeepWhatWasReadWhileTheListenerWentDown() {
        kept.connected();
        duringRead = kept::disconnected;
        kept.of("A");
        duringRead = () -> {};
        kept.connected();
        kept.of("A");
        assertThat(reads).containsExactly("A", "A");
    }
}
