package org.meterguard.greenbutton;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import org.junit.jupiter.api.Test;
import org.meterguard.core.ReadingQuality;

/**
 * A multi-year file never sits in memory: the test generates five years of quarter-hours (175,296 readings, about 26
 * MB) on the fly, and the first reading reaches the sink while the second pass has read only the start of it.
 */
class GreenButtonStreamingTest {
    private static final long FIRST = 1293840000L; // 2011-01-01T00:00Z
    private static final int DAYS = 5 * 365 + 1;

    /** Bytes handed out by the current pass. */
    private long served;

    private InputStream generated() {
        served = 0;
        String head = Documents.feed(
                        Documents.usagePointEntry(),
                        Documents.meterReadingEntry(),
                        Documents.readingTypeEntry(Documents.WH_15_MIN))
                .replace("</feed>\n", "");
        Enumeration<InputStream> days = new Enumeration<>() {
            int day;

            @Override
            public boolean hasMoreElements() {
                return day <= DAYS;
            }

            @Override
            public InputStream nextElement() {
                int next = day++;
                return next == DAYS ? bytes("</feed>\n") : bytes(dayEntry(next));
            }
        };
        InputStream body = new SequenceInputStream(bytes(head), new SequenceInputStream(days));
        return new java.io.FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                served += b < 0 ? 0 : 1;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                served += Math.max(n, 0);
                return n;
            }
        };
    }

    private static String dayEntry(int day) {
        StringBuilder readings = new StringBuilder();
        for (int slot = 0; slot < 96; slot++) {
            readings.append(Documents.reading(
                    Long.toString(FIRST + day * 86400L + slot * 900L), "900", Integer.toString(slot)));
        }
        return Documents.blockEntry(readings.toString());
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void deliversReadingsWhileTheSecondPassIsStillReadingTheFile() throws IOException {
        long[] servedAtFirstReading = {-1};
        long[] count = {0};
        long[] sum = {0};
        GreenButtonSummary summary = new GreenButtonReader().read(this::generated, new GreenButtonSink() {
            @Override
            public void reading(MeterReading series, long start, int duration, long value, ReadingQuality quality) {
                if (count[0] == 0) {
                    servedAtFirstReading[0] = served;
                }
                assertThat(start).isEqualTo(FIRST + count[0] * 900);
                count[0]++;
                sum[0] += value;
            }
        });

        assertThat(summary.readings()).isEqualTo(96L * DAYS).isEqualTo(count[0]);
        assertThat(sum[0]).isEqualTo(DAYS * (95L * 96 / 2));
        assertThat(served).isGreaterThan(25_000_000L);
        assertThat(servedAtFirstReading[0]).isPositive().isLessThan(served / 100);
    }
}
