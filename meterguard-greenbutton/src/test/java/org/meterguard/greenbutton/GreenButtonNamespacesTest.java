package org.meterguard.greenbutton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meterguard.greenbutton.Documents.read;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.meterguard.core.Channel;
import org.meterguard.core.ReadingQuality;

/** Producers prefix ESPI and Atom names as they like, or leave the namespaces out; all read alike. */
class GreenButtonNamespacesTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String ESPI = "http://naesb.org/espi";

    /**
     * One feed with Atom names prefixed by {@code a} and ESPI names by {@code e}; {@code rootDeclarations} on the
     * feed element, {@code resourceDeclaration} on each ESPI resource element.
     */
    private static String feed(String a, String e, String rootDeclarations, String resourceDeclaration) {
        return """
                <?xml version="1.0"?>
                <{a}feed{root}>
                  <{a}entry>
                    <{a}link rel="self" href="/UsagePoint/1"/>
                    <{a}link rel="related" href="/UsagePoint/1/MeterReading"/>
                    <{a}content><{e}UsagePoint{res}><{e}ServiceCategory><{e}kind>0</{e}kind></{e}ServiceCategory></{e}UsagePoint></{a}content>
                  </{a}entry>
                  <{a}entry>
                    <{a}link rel="self" href="/UsagePoint/1/MeterReading/1"/>
                    <{a}link rel="up" href="/UsagePoint/1/MeterReading"/>
                    <{a}link rel="related" href="/ReadingType/1"/>
                    <{a}link rel="related" href="/UsagePoint/1/MeterReading/1/IntervalBlock"/>
                    <{a}content><{e}MeterReading{res}/></{a}content>
                  </{a}entry>
                  <{a}entry>
                    <{a}link rel="self" href="/ReadingType/1"/>
                    <{a}content><{e}ReadingType{res}><{e}accumulationBehaviour>4</{e}accumulationBehaviour><{e}commodity>1</{e}commodity>
                      <{e}flowDirection>19</{e}flowDirection><{e}intervalLength>3600</{e}intervalLength><{e}kind>12</{e}kind>
                      <{e}powerOfTenMultiplier>3</{e}powerOfTenMultiplier><{e}uom>72</{e}uom></{e}ReadingType></{a}content>
                  </{a}entry>
                  <{a}entry>
                    <{a}link rel="up" href="/UsagePoint/1/MeterReading/1/IntervalBlock"/>
                    <{a}content><{e}IntervalBlock{res}>
                      <{e}IntervalReading><{e}ReadingQuality><{e}quality>9</{e}quality></{e}ReadingQuality>
                        <{e}timePeriod><{e}duration>3600</{e}duration><{e}start>1625097600.0</{e}start></{e}timePeriod>
                        <{e}value>7</{e}value></{e}IntervalReading>
                      <{e}IntervalReading><{e}timePeriod><{e}duration>3600</{e}duration><{e}start>1625101200</{e}start></{e}timePeriod>
                        <{e}value>8</{e}value></{e}IntervalReading>
                    </{e}IntervalBlock></{a}content>
                  </{a}entry>
                </{a}feed>
                """.replace("{a}", a)
                .replace("{e}", e)
                .replace("{root}", rootDeclarations)
                .replace("{res}", resourceDeclaration);
    }

    private static void assertReadsBothReadings(String xml) throws IOException {
        RecordingSink sink = read(xml);
        assertThat(sink.feed.meterReadings()).singleElement().satisfies(series -> {
            assertThat(series.channel()).isEqualTo(Channel.ACTIVE_ENERGY_EXPORT);
            assertThat(series.usagePoint().serviceKind()).hasValue(0);
        });
        assertThat(sink.rows)
                .extracting(RecordingSink.Row::start, RecordingSink.Row::value, RecordingSink.Row::quality)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1625097600L, 7000L, ReadingQuality.ESTIMATED_LINEAR),
                        org.assertj.core.groups.Tuple.tuple(1625101200L, 8000L, ReadingQuality.RAW));
        assertThat(sink.warnings).isEmpty();
    }

    @ParameterizedTest(name = "atom prefix ''{0}'', espi prefix ''{1}''")
    @CsvSource({"'', espi:", "atom:, ns:", "ns1:, ns0:", "atom:, espi:"})
    void readsAnyPrefixes(String a, String e) throws IOException {
        String atomDeclaration =
                a.isEmpty() ? " xmlns=\"" + ATOM + "\"" : " xmlns:" + a.replace(":", "") + "=\"" + ATOM + "\"";
        String espiDeclaration = " xmlns:" + e.replace(":", "") + "=\"" + ESPI + "\"";
        assertReadsBothReadings(feed(a, e, atomDeclaration + espiDeclaration, ""));
    }

    @Test
    void readsEspiAsDefaultNamespaceOnEachResource() throws IOException {
        assertReadsBothReadings(feed("", "", " xmlns=\"" + ATOM + "\"", " xmlns=\"" + ESPI + "\""));
    }

    @Test
    void readsAtomPrefixedWithEspiAsTheDefaultNamespace() throws IOException {
        assertReadsBothReadings(feed("atom:", "", " xmlns:atom=\"" + ATOM + "\" xmlns=\"" + ESPI + "\"", ""));
    }

    @Test
    void readsADocumentWithoutAnyNamespace() throws IOException {
        assertReadsBothReadings(feed("", "", "", ""));
    }

    /** A producer that dropped the espi: prefix without declaring a namespace puts ESPI names in Atom's. */
    @Test
    void readsEspiNamesThatFellIntoTheAtomNamespace() throws IOException {
        assertReadsBothReadings(feed("", "", " xmlns=\"" + ATOM + "\"", ""));
    }

    @Test
    void ignoresAnIntervalReadingInAnotherNamespace() throws IOException {
        String xml = feed("", "", " xmlns=\"" + ATOM + "\"", " xmlns=\"" + ESPI + "\"")
                .replace("<IntervalReading><timePeriod>", "<IntervalReading xmlns=\"urn:other\"><timePeriod>");

        assertThat(read(xml).rows).extracting(RecordingSink.Row::value).containsExactly(7000L);
    }

    @Test
    void doesNotTakeACustomerNamespaceUsagePointForAnEspiOne() {
        String xml = feed("", "", " xmlns=\"" + ATOM + "\"", " xmlns=\"" + ESPI + "\"")
                .replace("<UsagePoint xmlns=\"" + ESPI, "<UsagePoint xmlns=\"" + ESPI + "/customer");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(xml))
                .isInstanceOf(ImportRejected.class)
                .hasMessageEndingWith("; the file has no UsagePoint");
    }
}
