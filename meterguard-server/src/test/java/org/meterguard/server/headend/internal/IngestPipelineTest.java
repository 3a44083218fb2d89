package org.meterguard.server.headend.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which writer stores a meter's frames: always the same one, and the meters spread evenly over the writers. */
class IngestPipelineTest {
    @Test
    void aMeterAlwaysHasTheSameWriter() {
        for (long title = 0x4D47_0000_0000_0000L; title < 0x4D47_0000_0000_0000L + 1_000; title++) {
            int writer = IngestPipeline.writerOf(title, 2);
            assertThat(writer).isBetween(0, 1);
            assertThat(IngestPipeline.writerOf(title, 2)).isEqualTo(writer);
        }
        assertThat(IngestPipeline.writerOf(-1L, 3)).isBetween(0, 2);
        assertThat(IngestPipeline.writerOf(Long.MIN_VALUE, 1)).isZero();
    }

    @Test
    void consecutiveSystemTitlesSpreadEvenlyOverTheWriters() {
        for (int writers = 2; writers <= 4; writers++) {
            int[] counts = new int[writers];
            // A fleet's titles: one manufacturer prefix, consecutive serial numbers.
            for (long title = 1_000_000L; title < 1_100_000L; title++) {
                counts[IngestPipeline.writerOf(title, writers)]++;
            }
            for (int count : counts) {
                assertThat(count)
                        .as("of %d writers", writers)
                        .isBetween(100_000 / writers - 2_000, 100_000 / writers + 2_000);
            }
        }
    }
}
