package org.meterguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CounterStoreTest {
    @TempDir
    Path directory;

    @Test
    void handsOutRisingCountersPerMeter() throws Exception {
        CounterStore store = CounterStore.open(directory.resolve("counters.properties"));
        assertThat(store.next("A").value()).isEqualTo(1);
        assertThat(store.next("A").value()).isEqualTo(2);
        assertThat(store.next("B").value()).isEqualTo(1);
    }

    @Test
    void resumesAboveEveryCounterUsedBeforeACrash() throws Exception {
        Path file = directory.resolve("counters.properties");
        CounterStore before = CounterStore.open(file);
        long last = 0;
        for (int i = 0; i < 1_500; i++) {
            last = before.next("A").value();
        }
        // no close, no final save: as if the process died here
        CounterStore after = CounterStore.open(file);
        assertThat(after.next("A").value()).isGreaterThan(last);
        assertThat(Files.readString(file)).contains("A=");
    }
}
