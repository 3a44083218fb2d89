package org.meterguard.greenbutton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.meterguard.greenbutton.ExportFixture.LOS_ANGELES;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.TimeRange;

/** What the writers export, our own readers import back with identical values, times and qualities. */
class ExportRoundTripTest {
    private static final TimeRange RANGE =
            ExportFixture.localDays(LOS_ANGELES, LocalDate.of(2026, 10, 30), LocalDate.of(2026, 11, 2));

    @Test
    void greenButtonXmlReadsBackIdenticallyInBothFlowDirections() throws Exception {
        List<ExportFixture.Row> written = GreenButtonWriterTest.bothDirections(RANGE);
        byte[] xml = ExportFixture.xml(ExportedUsagePoint.of("s", LOS_ANGELES, RANGE), written);
        RecordingSink sink = new RecordingSink();

        GreenButtonSummary summary = new GreenButtonReader().read(() -> new ByteArrayInputStream(xml), sink);

        List<ExportFixture.Row> read = new ArrayList<>();
        for (RecordingSink.Row row : sink.rows) {
            read.add(new ExportFixture.Row(
                    row.series().channel(), row.start(), row.duration(), row.value(), row.quality()));
        }
        assertThat(read).isEqualTo(written);
        assertThat(summary.warnings()).isEmpty();
        assertThat(summary.feed().usagePoints()).hasSize(1);
        assertThat(summary.feed().usagePoints().get(0).localTimeParameters())
                .contains(new LocalTimeParameters(-28_800, 3_600, "360E2000", "B40E2000"));
        assertThat(read).extracting(ExportFixture.Row::quality).contains(ReadingQuality.values());
        assertThat(read).extracting(ExportFixture.Row::channel).contains(Channel.ACTIVE_ENERGY_EXPORT);
    }

    @Test
    void csvReadsBackIdenticallyInBothFlowDirections() throws Exception {
        List<ExportFixture.Row> written = GreenButtonWriterTest.bothDirections(RANGE);
        byte[] csv = ExportFixture.csv(ExportedUsagePoint.of("s", LOS_ANGELES, RANGE), written);
        List<ExportFixture.Row> read = new ArrayList<>();

        long rows = new IntervalCsvReader().read(new ByteArrayInputStream(csv), (meter, channel, grid, reading) -> {
            assertThat(meter).isEqualTo(ExportFixture.METER);
            read.add(new ExportFixture.Row(
                    channel,
                    reading.start().getEpochSecond(),
                    (int) grid.interval().getSeconds(),
                    reading.value(),
                    reading.quality()));
        });

        assertThat(rows).isEqualTo(written.size());
        assertThat(read).isEqualTo(written);
    }

    @Test
    void csvStatesLocalTimesWithTheirOffsetAcrossTheAutumnChange() throws Exception {
        TimeRange night = new TimeRange(
                java.time.Instant.parse("2026-11-01T08:45:00Z"), java.time.Instant.parse("2026-11-01T09:15:00Z"));
        byte[] csv = ExportFixture.csv(
                ExportedUsagePoint.of("s", LOS_ANGELES, night),
                ExportFixture.quarterHours(Channel.ACTIVE_ENERGY_IMPORT, night));

        List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();

        assertThat(lines.get(0)).isEqualTo(IntervalCsvWriter.HEADER);
        assertThat(lines.get(1))
                .startsWith("MG-EXPORT-1,ACTIVE_ENERGY_IMPORT,2026-11-01T08:45:00Z,900,")
                .endsWith(",2026-11-01T01:45:00-07:00,2026-11-01T01:00:00-08:00,Wh,VALID");
        assertThat(lines.get(2)).contains(",2026-11-01T09:00:00Z,900,").contains(",2026-11-01T01:00:00-08:00,");
    }

    @Test
    void aCsvWhoseLocalTimesWereShiftedIsRefused() throws Exception {
        TimeRange hour = new TimeRange(
                java.time.Instant.parse("2026-07-01T08:00:00Z"), java.time.Instant.parse("2026-07-01T09:00:00Z"));
        String csv = new String(
                ExportFixture.csv(
                        ExportedUsagePoint.of("s", LOS_ANGELES, hour),
                        ExportFixture.quarterHours(Channel.ACTIVE_ENERGY_IMPORT, hour)),
                StandardCharsets.UTF_8);
        String shifted = csv.replaceFirst("T01:00:00-07:00,", "T01:00:00-08:00,");

        assertThatThrownBy(() -> new IntervalCsvReader()
                        .read(new ByteArrayInputStream(shifted.getBytes(StandardCharsets.UTF_8)), (m, c, g, r) -> {}))
                .isInstanceOf(ImportRejected.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("shifted");
    }
}
