package org.meterguard.greenbutton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.meterguard.greenbutton.Documents.WH_15_MIN;
import static org.meterguard.greenbutton.Documents.blockEntry;
import static org.meterguard.greenbutton.Documents.feed;
import static org.meterguard.greenbutton.Documents.feedWith;
import static org.meterguard.greenbutton.Documents.lineOf;
import static org.meterguard.greenbutton.Documents.meterReadingEntry;
import static org.meterguard.greenbutton.Documents.read;
import static org.meterguard.greenbutton.Documents.reading;
import static org.meterguard.greenbutton.Documents.readingTypeEntry;
import static org.meterguard.greenbutton.Documents.readingWithQuality;
import static org.meterguard.greenbutton.Documents.usagePointEntry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.meterguard.core.Channel;
import org.meterguard.core.ReadingQuality;

/** Crafted documents that must be read, and how their readings come out. */
class GreenButtonReaderTest {
    private static final String OK = reading("1330578000", "900", "282");

    @Test
    void deliversMetadataFirstThenEveryReadingWithItsSeries() throws IOException {
        List<String> calls = new ArrayList<>();
        String xml = feedWith(WH_15_MIN, OK + reading("1330578900", "900", "323"));
        new GreenButtonReader().read(() -> new java.io.ByteArrayInputStream(xml.getBytes()), new GreenButtonSink() {
            @Override
            public void begin(GreenButtonFeed feed) {
                calls.add("begin " + feed.meterReadings().size());
            }

            @Override
            public void reading(MeterReading series, long start, int duration, long value, ReadingQuality quality) {
                calls.add(series.channel() + " " + start + " " + duration + " " + value + " " + quality);
            }
        });

        assertThat(calls)
                .containsExactly(
                        "begin 1",
                        "ACTIVE_ENERGY_IMPORT 1330578000 900 282 RAW",
                        "ACTIVE_ENERGY_IMPORT 1330578900 900 323 RAW");
    }

    @Test
    void describesTheSeriesAndItsUsagePointWithoutTheAtomTitle() throws IOException {
        String xml = feedWith(WH_15_MIN, OK);
        MeterReading series = read(xml).feed.meterReadings().get(0);

        assertThat(series.href()).isEqualTo(Documents.MR);
        assertThat(series.line()).isEqualTo(lineOf(xml, "<MeterReading"));
        assertThat(series.readingType().commodity()).hasValue(1);
        assertThat(series.readingType().kind()).hasValue(12);
        assertThat(series.readingType().uom()).hasValue(72);
        assertThat(series.readingType().powerOfTenMultiplier()).hasValue(0);
        assertThat(series.readingType().flowDirection()).hasValue(1);
        assertThat(series.readingType().intervalLength()).hasValue(900);
        assertThat(series.readingType().accumulationBehaviour()).hasValue(4);
        assertThat(series.readingType().defaultQuality()).isEmpty();
        assertThat(series.usagePoint().href()).isEqualTo(Documents.UP);
        assertThat(series.usagePoint().atomId()).isEqualTo("urn:uuid:00000000-0000-0000-0000-000000000001");
        assertThat(series.usagePoint().toString()).doesNotContain("Example Street");
    }

    @Test
    void rescalesKilowattHoursToWattHours() throws IOException {
        String kwh = WH_15_MIN.replace(">0</powerOfTenMultiplier>", ">3</powerOfTenMultiplier>");
        assertThat(read(feedWith(kwh, reading("1330578000", "900", "-2"))).rows)
                .extracting(RecordingSink.Row::value)
                .containsExactly(-2000L);
    }

    @Test
    void rescalesTenthsOfWattHoursWhereExact() throws IOException {
        String tenths = WH_15_MIN.replace(">0</powerOfTenMultiplier>", ">-1</powerOfTenMultiplier>");
        assertThat(read(feedWith(tenths, reading("1330578000", "900", "2820"))).rows)
                .extracting(RecordingSink.Row::value)
                .containsExactly(282L);
    }

    @Test
    void readsReverseFlowAsExport() throws IOException {
        String reverse = WH_15_MIN.replace(">1</flowDirection>", ">19</flowDirection>");
        RecordingSink sink = read(feedWith(reverse, OK));

        assertThat(sink.feed.meterReadings().get(0).channel()).isEqualTo(Channel.ACTIVE_ENERGY_EXPORT);
        assertThat(sink.rows).singleElement().satisfies(row -> assertThat(row.value())
                .isEqualTo(282));
    }

    @Test
    void resolvesLinksWhateverOrderTheEntriesComeIn() throws IOException {
        String xml = feed(blockEntry(OK), readingTypeEntry(WH_15_MIN), meterReadingEntry(), usagePointEntry());
        RecordingSink sink = read(xml);

        assertThat(sink.rows).hasSize(1);
        assertThat(sink.feed.meterReadings().get(0).usagePoint().href()).isEqualTo(Documents.UP);
    }

    @Test
    void resolvesLinksThatFollowTheContent() throws IOException {
        String xml = feed(usagePointEntry(), meterReadingEntry(), readingTypeEntry(WH_15_MIN), blockEntry(OK))
                .replaceAll("(?s)(<entry>\\n(?:  <id>[^\\n]*\\n)?)((?:  <link[^\\n]*\\n)+)(.*?)(</entry>)", "$1$3$2$4");
        assertThat(xml.split("</content>\\n  <link")).hasSize(5);

        assertThat(read(xml).rows).hasSize(1);
    }

    @Test
    void resolvesAMeterReadingThroughTheParentOfItsUpLink() throws IOException {
        String upWithoutRelated = usagePointEntry().replaceAll("  <link rel=\"related\"[^\\n]*\\n", "");
        String xml = feed(upWithoutRelated, meterReadingEntry(), readingTypeEntry(WH_15_MIN), blockEntry(OK));
        RecordingSink sink = read(xml);

        assertThat(sink.feed.meterReadings().get(0).usagePoint().href()).isEqualTo(Documents.UP);
        assertThat(sink.warnings).isEmpty();
    }

    @Test
    void readsBlocksOfOneMeterReadingSpreadOverEntries() throws IOException {
        String xml = feed(
                usagePointEntry(),
                meterReadingEntry(),
                blockEntry(reading("1330578900", "900", "2")),
                readingTypeEntry(WH_15_MIN),
                blockEntry(OK));
        assertThat(read(xml).rows)
                .extracting(RecordingSink.Row::start, RecordingSink.Row::value)
                .containsExactly(tuple(1330578900L, 2L), tuple(1330578000L, 282L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1330578000.0", "1330578000.000", " 1330578000 ", "+1330578000"})
    void acceptsStartsWrittenWithAZeroFractionOrPadding(String start) throws IOException {
        assertThat(read(feedWith(WH_15_MIN, reading(start, "900", "282"))).rows)
                .extracting(RecordingSink.Row::start)
                .containsExactly(1330578000L);
    }

    @Test
    void readsStartBeforeDurationCommentsAndCdata() throws IOException {
        String xml = feedWith(WH_15_MIN, """
                <IntervalReading>
                  <cost/>
                  <timePeriod><start>1330578000<!-- 5:00 --></start><duration>900</duration></timePeriod>
                  <value><![CDATA[28]]>2</value>
                  <tou></tou>
                </IntervalReading>
                """);
        assertThat(read(xml).rows)
                .extracting(RecordingSink.Row::start, RecordingSink.Row::value)
                .containsExactly(tuple(1330578000L, 282L));
    }

    @ParameterizedTest
    @CsvSource({
        "0, VALID",
        "7, EDITED",
        "8, ESTIMATED_REFERENCE_DAY",
        "9, ESTIMATED_LINEAR",
        "10, QUESTIONABLE",
        "14, RAW",
        "17, VALID",
        "18, VALID",
        "19, VALID"
    })
    void mapsEspiQualityCodes(String code, ReadingQuality expected) throws IOException {
        assertThat(read(feedWith(WH_15_MIN, readingWithQuality("1330578000", "1", code))).rows)
                .extracting(RecordingSink.Row::quality)
                .containsExactly(expected);
    }

    @ParameterizedTest
    @CsvSource({"0 14 8 7, ESTIMATED_REFERENCE_DAY", "10 9, QUESTIONABLE", "19 7, EDITED", "'', RAW"})
    void takesTheLeastTrustedOfSeveralQualitiesAndIgnoresEmptyOnes(String codes, ReadingQuality expected)
            throws IOException {
        String[] qualities = codes.isEmpty() ? new String[] {""} : codes.split(" ");
        assertThat(read(feedWith(WH_15_MIN, readingWithQuality("1330578000", "1", qualities))).rows)
                .extracting(RecordingSink.Row::quality)
                .containsExactly(expected);
    }

    @Test
    void givesUnstatedQualityTheReadingTypesDefaultQuality() throws IOException {
        String xml = feedWith(WH_15_MIN + "<defaultQuality>17</defaultQuality>\n", OK);
        assertThat(read(xml).rows).extracting(RecordingSink.Row::quality).containsExactly(ReadingQuality.VALID);
    }

    @Test
    void givesUnstatedQualityTheReadersChoiceWhereTheReadingTypeStatesNone() throws IOException {
        String xml = feedWith(WH_15_MIN + "<defaultQuality/>\n", OK);
        assertThat(read(new GreenButtonReader(ReadingQuality.VALID), xml).rows)
                .extracting(RecordingSink.Row::quality)
                .containsExactly(ReadingQuality.VALID);
    }

    @Test
    void readsAReadingTypeWithoutFlowDirectionAsForwardWithAWarning() throws IOException {
        String xml = feedWith(WH_15_MIN.replace("<flowDirection>1</flowDirection>", "<flowDirection/>"), OK);
        RecordingSink sink = read(xml);

        assertThat(sink.feed.meterReadings().get(0).channel()).isEqualTo(Channel.ACTIVE_ENERGY_IMPORT);
        assertThat(sink.warnings)
                .containsExactly(new GreenButtonWarning(
                        lineOf(xml, "<ReadingType"),
                        "ReadingType 'ReadingType/1' has no flowDirection; read as 1 (forward, energy delivered)"));
    }

    @Test
    void readsAReadingTypeWithoutAccumulationBehaviourAsDeltaDataWithAWarning() throws IOException {
        String xml = feedWith(WH_15_MIN.replace("<accumulationBehaviour>4</accumulationBehaviour>", ""), OK);
        assertThat(read(xml).warnings)
                .extracting(GreenButtonWarning::message)
                .containsExactly("ReadingType 'ReadingType/1' has no accumulationBehaviour; read as 4 (delta data)");
    }

    @Test
    void readsAReadingTypeWithoutIntervalLengthOnTheGridOfItsFirstReading() throws IOException {
        String xml = feedWith(
                WH_15_MIN.replace("<intervalLength>900</intervalLength>", ""),
                reading("1330578000", "3600", "1") + reading("1330581600", "3600", "2"));
        RecordingSink sink = read(xml);

        assertThat(sink.rows).extracting(RecordingSink.Row::duration).containsExactly(3600, 3600);
        assertThat(sink.warnings).isEmpty();
    }

    @Test
    void givesAMeterReadingWithoutUsagePointLinkTheFilesOnlyUsagePointWithAWarning() throws IOException {
        String xml = feed(
                usagePointEntry()
                        .replaceAll("  <link rel=\"related\"[^\\n]*\\n", "")
                        .replace(Documents.UP, "/x/1"),
                meterReadingEntry(),
                readingTypeEntry(WH_15_MIN),
                blockEntry(OK));
        RecordingSink sink = read(xml);

        assertThat(sink.feed.meterReadings().get(0).usagePoint().href()).isEqualTo("/x/1");
        assertThat(sink.warnings)
                .containsExactly(new GreenButtonWarning(
                        lineOf(xml, "<link rel=\"up\" href=\"" + Documents.UP + "/MeterReading"),
                        "MeterReading's up link matches no UsagePoint; it is taken to belong to the file's only"
                                + " UsagePoint (line " + lineOf(xml, "<UsagePoint") + ")"));
    }

    @Test
    void readsImportAndExportSeriesOfOneUsagePoint() throws IOException {
        String exportType = readingTypeEntry(WH_15_MIN.replace(">1</flowDirection>", ">19</flowDirection>"))
                .replace(Documents.RT, "/rt/2");
        String exportReading = meterReadingEntry()
                .replace(Documents.MR, Documents.UP + "/MeterReading/2")
                .replace(Documents.RT, "/rt/2");
        String exportBlock =
                blockEntry(reading("1330578000", "900", "5")).replace(Documents.MR, Documents.UP + "/MeterReading/2");
        String xml = feed(
                usagePointEntry(),
                meterReadingEntry(),
                exportReading,
                readingTypeEntry(WH_15_MIN),
                exportType,
                exportBlock,
                blockEntry(OK));
        RecordingSink sink = read(xml);

        assertThat(sink.feed.meterReadings())
                .extracting(MeterReading::channel)
                .containsExactly(Channel.ACTIVE_ENERGY_IMPORT, Channel.ACTIVE_ENERGY_EXPORT);
        assertThat(sink.rows)
                .extracting(row -> row.series().channel(), RecordingSink.Row::value)
                .containsExactly(tuple(Channel.ACTIVE_ENERGY_EXPORT, 5L), tuple(Channel.ACTIVE_ENERGY_IMPORT, 282L));
    }

    @Test
    void ignoresAMeterReadingWithoutIntervalDataWhateverItsReadingType() throws IOException {
        String gas = WH_15_MIN.replace("<commodity>1</commodity>", "<commodity>7</commodity>");
        RecordingSink sink = read(feed(usagePointEntry(), meterReadingEntry(), readingTypeEntry(gas)));

        assertThat(sink.feed.meterReadings()).isEmpty();
        assertThat(sink.feed.usagePoints()).hasSize(1);
    }

    /** ESPI daily values start at local midnight; a 23-hour day starts the summer, a 25-hour day ends it. */
    @Test
    void readsLocalDaysWithLocalTimeParameters() throws IOException {
        String localTime = """
                <entry>
                  <link rel="self" href="/espi/1_1/resource/LocalTimeParameters/01"/>
                  <content><LocalTimeParameters xmlns="http://naesb.org/espi"><dstEndRule>B40E2000</dstEndRule>
                  <dstOffset>3600</dstOffset><dstStartRule>360E2000</dstStartRule><tzOffset>-18000</tzOffset>
                  </LocalTimeParameters></content>
                </entry>
                """;
        String days = reading("1331269200", "86400", "1") // 2012-03-09T05:00Z, midnight EST
                + reading("1331355600", "82800", "2") // 2012-03-10, 23 hours
                + reading("1331438400", "86400", "3"); // 2012-03-11T04:00Z, midnight EDT
        String xml = feed(
                usagePointEntry(),
                localTime,
                meterReadingEntry(),
                readingTypeEntry(WH_15_MIN.replace("900", "86400")),
                blockEntry(days));
        RecordingSink sink = read(xml);

        assertThat(sink.rows)
                .extracting(RecordingSink.Row::start, RecordingSink.Row::duration)
                .containsExactly(tuple(1331269200L, 86400), tuple(1331355600L, 82800), tuple(1331438400L, 86400));
        assertThat(sink.feed.usagePoints().get(0).localTimeParameters())
                .hasValue(new LocalTimeParameters(-18000, 3600, "360E2000", "B40E2000"));
    }

    @Test
    void ignoresMalformedLocalTimeParametersWithAWarning() throws IOException {
        String localTime = """
                <entry>
                  <link rel="self" href="/espi/1_1/resource/LocalTimeParameters/01"/>
                  <content><LocalTimeParameters xmlns="http://naesb.org/espi"><tzOffset>EST</tzOffset>
                  </LocalTimeParameters></content>
                </entry>
                """;
        String xml =
                feed(usagePointEntry(), localTime, meterReadingEntry(), readingTypeEntry(WH_15_MIN), blockEntry(OK));
        RecordingSink sink = read(xml);

        assertThat(sink.rows).hasSize(1);
        assertThat(sink.feed.usagePoints().get(0).localTimeParameters()).isEmpty();
        assertThat(sink.warnings)
                .containsExactly(new GreenButtonWarning(
                        lineOf(xml, "<LocalTimeParameters"),
                        "LocalTimeParameters tzOffset 'EST' / dstOffset '' are not whole seconds; these"
                                + " LocalTimeParameters are ignored"));
    }

    @Test
    void readsAFileWithoutEntriesAsEmpty() throws IOException {
        RecordingSink sink = read("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>empty</title></feed>");

        assertThat(sink.rows).isEmpty();
        assertThat(sink.feed.usagePoints()).isEmpty();
        assertThat(sink.begins).isEqualTo(1);
    }
}
