package org.meterguard.greenbutton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.meterguard.greenbutton.ExportFixture.LOS_ANGELES;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.TimeRange;

/** Green Button Connect documents: selected entries only, resources, and hourly sums. */
class ConnectDocumentsTest {
    private static final String SUBSCRIPTION = "auth-1234";
    private static final TimeRange DAYS =
            ExportFixture.localDays(LOS_ANGELES, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3));
    private static final Pattern VALUE = Pattern.compile("<IntervalReading>.*?<value>(\\d+)</value>", Pattern.DOTALL);

    @Test
    void selectionWritesOnlyTheIntervalBlocksOfOneMeterReadingAndStillValidates() throws Exception {
        String href = "/espi/1_1/resource/Subscription/auth-1234/UsagePoint/1/MeterReading/2/IntervalBlock";
        String xml = write(new EntrySelection("IntervalBlock", href), false);

        assertThat(xml).contains("<link rel=\"self\" href=\"" + href + "\"/>");
        assertThat(count(xml, "<IntervalBlock")).isEqualTo(2);
        assertThat(count(xml, "<entry>")).isEqualTo(2);
        assertThat(xml).doesNotContain("<UsagePoint", "<MeterReading", "<ReadingType", "MeterReading/1/IntervalBlock");
        EspiSchema.validate(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void usagePointCollectionSelectsUsagePointsOnly() throws Exception {
        String xml =
                write(new EntrySelection("UsagePoint", "/espi/1_1/resource/Subscription/auth-1234/UsagePoint"), false);

        assertThat(count(xml, "<entry>")).isEqualTo(1);
        assertThat(xml).contains("<UsagePoint").doesNotContain("<IntervalBlock");
        EspiSchema.validate(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void hourlySumsFourQuarterHoursWithTheFirstQualityThatIsNotValid() throws Exception {
        String xml = write(EntrySelection.ALL, true);
        List<ExportFixture.Row> rows = ExportFixture.quarterHours(Channel.ACTIVE_ENERGY_IMPORT, DAYS);
        long firstHour =
                rows.subList(0, 4).stream().mapToLong(ExportFixture.Row::value).sum();

        Matcher value = VALUE.matcher(xml);
        assertThat(value.find()).isTrue();
        assertThat(Long.parseLong(value.group(1))).isEqualTo(firstHour);
        assertThat(xml).contains("<intervalLength>3600</intervalLength>").doesNotContain("<duration>900</duration>");
        assertThat(count(xml, "<IntervalReading>")).isEqualTo(2 * 2 * 24);
        EspiSchema.validate(xml.getBytes(StandardCharsets.UTF_8));

        List<Object[]> seen = new ArrayList<>();
        UsageWriter recorder = new UsageWriter() {
            @Override
            public void usagePoint(ExportedUsagePoint point) {}

            @Override
            public void reading(MeterId m, Channel c, long start, int seconds, long v, ReadingQuality q) {
                seen.add(new Object[] {start, seconds, v, q});
            }

            @Override
            public void finish() {}
        };
        HourlyReadings hourly = new HourlyReadings(recorder);
        MeterId meter = ExportFixture.METER;
        hourly.reading(meter, Channel.ACTIVE_ENERGY_IMPORT, 3600, 900, 1, ReadingQuality.VALID);
        hourly.reading(meter, Channel.ACTIVE_ENERGY_IMPORT, 4500, 900, 2, ReadingQuality.EDITED);
        hourly.reading(meter, Channel.ACTIVE_ENERGY_IMPORT, 6300, 900, 4, ReadingQuality.RAW);
        hourly.reading(meter, Channel.ACTIVE_ENERGY_IMPORT, 7200, 900, 8, ReadingQuality.VALID);
        hourly.finish();
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).containsExactly(3600L, 3600, 7L, ReadingQuality.EDITED);
        assertThat(seen.get(1)).containsExactly(7200L, 3600, 8L, ReadingQuality.VALID);
        assertThatThrownBy(
                        () -> hourly.reading(meter, Channel.ACTIVE_ENERGY_IMPORT, 3000, 900, 1, ReadingQuality.VALID))
                .hasMessageContaining("within one hour");
    }

    @Test
    void resourceEntriesValidate() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GreenButtonWriter writer = new GreenButtonWriter(
                out, "Authorization", SUBSCRIPTION, Instant.parse("2026-03-05T00:00:00Z"), EntrySelection.ALL);
        writer.resource(new EspiResource(
                "Authorization",
                "/espi/1_1/resource/Authorization/auth-1234",
                "/espi/1_1/resource/Authorization",
                "Authorization",
                List.of(
                        EspiResource.Field.interval("authorizedPeriod", DAYS),
                        EspiResource.Field.interval("publishedPeriod", DAYS),
                        EspiResource.Field.of("status", 1),
                        EspiResource.Field.of("expires_at", DAYS.to().getEpochSecond()),
                        EspiResource.Field.of("grant_type", "authorization_code"),
                        EspiResource.Field.of("scope", "FB=4_5;IntervalDuration=900;HistoryLength=86400"),
                        EspiResource.Field.of("token_type", "Bearer"),
                        EspiResource.Field.of("resourceURI", "http://x/espi/1_1/resource/Batch/Subscription/auth-1234"),
                        EspiResource.Field.of("authorizationURI", "http://x/espi/1_1/resource/Authorization/a"))));
        writer.finish();
        String xml = out.toString(StandardCharsets.UTF_8);

        assertThat(xml)
                .contains(
                        "<status>1</status>",
                        "<duration>" + (DAYS.to().getEpochSecond() - DAYS.from().getEpochSecond()));
        EspiSchema.validate(out.toByteArray());
    }

    private static String write(EntrySelection selection, boolean hourly) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GreenButtonWriter xml =
                new GreenButtonWriter(out, "Connect", SUBSCRIPTION, Instant.parse("2026-03-05T00:00:00Z"), selection);
        UsageWriter writer = hourly ? new HourlyReadings(xml) : xml;
        List<ExportFixture.Row> rows = new ArrayList<>(ExportFixture.quarterHours(Channel.ACTIVE_ENERGY_IMPORT, DAYS));
        rows.addAll(ExportFixture.quarterHours(Channel.ACTIVE_ENERGY_EXPORT, DAYS));
        ExportFixture.write(writer, ExportedUsagePoint.of("Electric service", LOS_ANGELES, DAYS), rows);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }
}
