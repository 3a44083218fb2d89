package org.meterguard.greenbutton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.meterguard.greenbutton.ExportFixture.LOS_ANGELES;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.TimeRange;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GreenButtonWriterTest {
    private static final String ESPI = "http://naesb.org/espi";
    private static final TimeRange MARCH_DST =
            ExportFixture.localDays(LOS_ANGELES, LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 9));
    private static final TimeRange NOVEMBER_DST =
            ExportFixture.localDays(LOS_ANGELES, LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 2));

    @Test
    void writtenDocumentValidatesAgainstTheGreenButtonSchema() throws Exception {
        TimeRange march = ExportFixture.localDays(LOS_ANGELES, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        byte[] xml = ExportFixture.xml(
                new ExportedUsagePoint("Electric service", LOS_ANGELES, march, List.of(march), march.to()),
                bothDirections(march));

        EspiSchema.validate(xml);
    }

    @Test
    void aDocumentMissingARequiredElementFailsValidation() throws Exception {
        byte[] xml = ExportFixture.xml(
                ExportedUsagePoint.of("Electric service", LOS_ANGELES, MARCH_DST), bothDirections(MARCH_DST));
        String broken = new String(xml, StandardCharsets.UTF_8).replaceFirst("<tzOffset>-28800</tzOffset>", "");
        // The whole document validates; this also skips the test, outside assertThatThrownBy, where the schema
        // (../shared) is absent.
        EspiSchema.validate(xml);

        assertThatThrownBy(() -> EspiSchema.validate(broken.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("tzOffset");
    }

    @Test
    void daylightSavingDaysHold92And100QuarterHoursInOneBlockEach() throws Exception {
        List<ExportFixture.Row> rows =
                new ArrayList<>(ExportFixture.quarterHours(Channel.ACTIVE_ENERGY_IMPORT, MARCH_DST));
        Document spring = parse(ExportFixture.xml(ExportedUsagePoint.of("s", LOS_ANGELES, MARCH_DST), rows));
        Document autumn = parse(ExportFixture.xml(
                ExportedUsagePoint.of("s", LOS_ANGELES, NOVEMBER_DST),
                ExportFixture.quarterHours(Channel.ACTIVE_ENERGY_IMPORT, NOVEMBER_DST)));

        assertThat(readingsPerBlock(spring)).containsExactly(96, 92, 96);
        assertThat(readingsPerBlock(autumn)).containsExactly(96, 100, 96);
        Element march8 = block(spring, 1);
        // Local midnight of 8 March 2026 in Los Angeles is 08:00 UTC; the day is 23 hours long.
        assertThat(number(march8, "interval", "start")).isEqualTo(1_772_956_800L);
        assertThat(number(march8, "interval", "duration")).isEqualTo(23 * 3600);
        assertThat(number(first(march8, "IntervalReading"), "timePeriod", "start"))
                .isEqualTo(1_772_956_800L);
        Element november1 = block(autumn, 1);
        assertThat(number(november1, "interval", "start")).isEqualTo(1_793_516_400L); // 07:00 UTC
        assertThat(number(november1, "interval", "duration")).isEqualTo(25 * 3600);
    }

    @Test
    void localTimeParametersStateLosAngelesRulesAsEspiEncodesThem() throws Exception {
        Document doc = parse(ExportFixture.xml(ExportedUsagePoint.of("s", LOS_ANGELES, MARCH_DST), List.of()));
        Element local = (Element)
                doc.getElementsByTagNameNS(ESPI, "LocalTimeParameters").item(0);

        assertThat(text(local, "dstStartRule")).isEqualTo("360E2000");
        assertThat(text(local, "dstEndRule")).isEqualTo("B40E2000");
        assertThat(text(local, "dstOffset")).isEqualTo("3600");
        assertThat(text(local, "tzOffset")).isEqualTo("-28800");
    }

    @Test
    void readingTypesCarryTheChannelsEspiCodesAndQualityOnlyWhereNotValid() throws Exception {
        Document doc =
                parse(ExportFixture.xml(ExportedUsagePoint.of("s", LOS_ANGELES, MARCH_DST), bothDirections(MARCH_DST)));
        NodeList types = doc.getElementsByTagNameNS(ESPI, "ReadingType");

        assertThat(types.getLength()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            Element type = (Element) types.item(i);
            assertThat(text(type, "accumulationBehaviour")).isEqualTo("4");
            assertThat(text(type, "commodity")).isEqualTo("1");
            assertThat(text(type, "kind")).isEqualTo("12");
            assertThat(text(type, "uom")).isEqualTo("72");
            assertThat(text(type, "powerOfTenMultiplier")).isEqualTo("0");
            assertThat(text(type, "intervalLength")).isEqualTo("900");
            assertThat(text(type, "flowDirection")).isEqualTo(i == 0 ? "1" : "19");
        }
        long notValid = bothDirections(MARCH_DST).stream()
                .filter(r -> r.quality() != ReadingQuality.VALID)
                .count();
        assertThat(notValid).isPositive();
        assertThat(doc.getElementsByTagNameNS(ESPI, "ReadingQuality").getLength())
                .isEqualTo((int) notValid);
        assertThat(doc.getElementsByTagNameNS(ESPI, "IntervalReading").getLength())
                .isEqualTo(bothDirections(MARCH_DST).size());
    }

    @Test
    void usageSummaryOnlyForPeriodsTheExportHoldsWhole() throws Exception {
        TimeRange day7 = ExportFixture.localDays(LOS_ANGELES, LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 7));
        TimeRange day8 = ExportFixture.localDays(LOS_ANGELES, LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 8));
        List<ExportFixture.Row> rows = new ArrayList<>(bothDirections(MARCH_DST));
        rows.removeIf(r -> r.start() == day8.from().getEpochSecond() + 3600); // one gap on the 8th
        long day7Sum = rows.stream()
                .filter(r -> r.channel() == Channel.ACTIVE_ENERGY_IMPORT
                        && day7.contains(java.time.Instant.ofEpochSecond(r.start())))
                .mapToLong(ExportFixture.Row::value)
                .sum();

        Document doc = parse(ExportFixture.xml(
                new ExportedUsagePoint("s", LOS_ANGELES, MARCH_DST, List.of(day7, day8), MARCH_DST.to()), rows));

        NodeList summaries = doc.getElementsByTagNameNS(ESPI, "UsageSummary");
        assertThat(summaries.getLength()).isEqualTo(1);
        Element summary = (Element) summaries.item(0);
        assertThat(number(summary, "billingPeriod", "start"))
                .isEqualTo(day7.from().getEpochSecond());
        assertThat(number(summary, "overallConsumptionLastPeriod", "value")).isEqualTo(day7Sum);
        assertThat(text(summary, "qualityOfReading")).isNotEmpty();
    }

    @Test
    void bytesReachTheStreamAsTheyAreWrittenNotAtTheEnd() throws Exception {
        TimeRange range = ExportFixture.localDays(LOS_ANGELES, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 9));
        ExportFixture.Counting out = new ExportFixture.Counting();
        GreenButtonWriter writer = new GreenButtonWriter(out, "t", ExportFixture.FEED, ExportFixture.GENERATED);
        writer.usagePoint(ExportedUsagePoint.of("s", LOS_ANGELES, range));
        for (ExportFixture.Row row : ExportFixture.quarterHours(Channel.ACTIVE_ENERGY_IMPORT, range)) {
            writer.reading(ExportFixture.METER, row.channel(), row.start(), row.duration(), row.value(), row.quality());
        }
        long beforeFinish = out.bytes;
        writer.finish();

        assertThat(beforeFinish).isGreaterThan(out.bytes - 70_000);
        assertThat(out.bytes).isGreaterThan(40 * 96 * 100L);
    }

    @Test
    void readingsOutOfOrderOrOutsideTheRangeAreRefused() throws Exception {
        GreenButtonWriter writer =
                new GreenButtonWriter(new ExportFixture.Counting(), "t", ExportFixture.FEED, ExportFixture.GENERATED);
        writer.usagePoint(ExportedUsagePoint.of("s", LOS_ANGELES, MARCH_DST));
        long start = MARCH_DST.from().getEpochSecond();
        writer.reading(ExportFixture.METER, Channel.ACTIVE_ENERGY_IMPORT, start + 900, 900, 1, ReadingQuality.VALID);

        assertThatThrownBy(() -> writer.reading(
                        ExportFixture.METER, Channel.ACTIVE_ENERGY_IMPORT, start, 900, 1, ReadingQuality.VALID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time order");
        assertThatThrownBy(() -> writer.reading(
                        ExportFixture.METER,
                        Channel.ACTIVE_ENERGY_EXPORT,
                        MARCH_DST.to().getEpochSecond(),
                        900,
                        1,
                        ReadingQuality.VALID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the export");
    }

    @Test
    void aZoneWithoutDaylightSavingTurnsTheRulesOff() throws Exception {
        Document doc = parse(
                ExportFixture.xml(ExportedUsagePoint.of("s", ZoneId.of("America/Phoenix"), MARCH_DST), List.of()));
        Element local = (Element)
                doc.getElementsByTagNameNS(ESPI, "LocalTimeParameters").item(0);

        assertThat(text(local, "dstStartRule")).isEqualTo("FFFFFFFF");
        assertThat(text(local, "dstOffset")).isEqualTo("0");
        assertThat(text(local, "tzOffset")).isEqualTo("-25200");
    }

    static List<ExportFixture.Row> bothDirections(TimeRange range) {
        List<ExportFixture.Row> rows = new ArrayList<>(ExportFixture.quarterHours(Channel.ACTIVE_ENERGY_IMPORT, range));
        rows.addAll(ExportFixture.quarterHours(Channel.ACTIVE_ENERGY_EXPORT, range));
        return rows;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<Integer> readingsPerBlock(Document doc) {
        NodeList blocks = doc.getElementsByTagNameNS(ESPI, "IntervalBlock");
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < blocks.getLength(); i++) {
            counts.add(((Element) blocks.item(i))
                    .getElementsByTagNameNS(ESPI, "IntervalReading")
                    .getLength());
        }
        return counts;
    }

    private static Element block(Document doc, int index) {
        return (Element) doc.getElementsByTagNameNS(ESPI, "IntervalBlock").item(index);
    }

    private static Element first(Element parent, String name) {
        return (Element) parent.getElementsByTagNameNS(ESPI, name).item(0);
    }

    private static String text(Element parent, String name) {
        return first(parent, name).getTextContent();
    }

    private static long number(Element parent, String outer, String inner) {
        return Long.parseLong(text(first(parent, outer), inner));
    }

    static String string(byte[] bytes) throws IOException {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
