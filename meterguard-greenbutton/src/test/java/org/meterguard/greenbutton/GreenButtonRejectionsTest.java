package org.meterguard.greenbutton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.meterguard.greenbutton.Documents.WH_15_MIN;
import static org.meterguard.greenbutton.Documents.blockEntry;
import static org.meterguard.greenbutton.Documents.feed;
import static org.meterguard.greenbutton.Documents.feedWith;
import static org.meterguard.greenbutton.Documents.lineOf;
import static org.meterguard.greenbutton.Documents.meterReadingEntry;
import static org.meterguard.greenbutton.Documents.reading;
import static org.meterguard.greenbutton.Documents.readingTypeEntry;
import static org.meterguard.greenbutton.Documents.readingWithQuality;
import static org.meterguard.greenbutton.Documents.usagePointEntry;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a file is refused: one exception type, naming the line, the element and the bad value. */
class GreenButtonRejectionsTest {
    private static final String OK = reading("1330578000", "900", "282");

    /** Reads {@code xml}, expecting a rejection whose line is that of {@code marker}. */
    private static AbstractThrowableAssert<?, ? extends Throwable> rejects(String xml, String marker) {
        int line = lineOf(xml, marker);
        return assertThatThrownBy(() -> Documents.read(xml))
                .isInstanceOf(ImportRejected.class)
                .hasMessageStartingWith("line " + line + ": ")
                .satisfies(e -> assertThat(((ImportRejected) e).line()).isEqualTo(line));
    }

    private static String withReading(String start, String duration, String value) {
        return feedWith(WH_15_MIN, OK + reading(start, duration, value));
    }

    @Test
    void rejectsAValueThatIsNotAnInteger() {
        String xml = withReading("1330578900", "900", "abc");
        rejects(xml, "<value>abc").hasMessageEndingWith(": IntervalReading value 'abc' is not an integer");
    }

    @Test
    void namesTheColumnOfABadValue() {
        String xml = withReading("1330578900", "900", "abc");
        assertThatThrownBy(() -> Documents.read(xml))
                .isInstanceOfSatisfying(ImportRejected.class, e -> assertThat(e.column())
                        .isEqualTo("  <value>abc</value>".length() + 1));
    }

    @Test
    void rejectsADecimalValue() {
        String xml = withReading("1330578900", "900", "28.5");
        rejects(xml, "<value>28.5").hasMessageEndingWith(": IntervalReading value '28.5' is not an integer");
    }

    @Test
    void rejectsAnEmptyValue() {
        String xml = withReading("1330578900", "900", "");
        rejects(xml, "<value></value>").hasMessageEndingWith(": IntervalReading value '' is not an integer");
    }

    @Test
    void rejectsAReadingWithoutValue() {
        String xml = feedWith(WH_15_MIN, OK + reading("1330578900", "900", "1").replace("  <value>1</value>\n", ""));
        rejects(xml, "<IntervalReading>\n  <timePeriod>\n    <duration>900</duration>\n    <start>1330578900")
                .hasMessageEndingWith(": IntervalReading has no value");
    }

    @Test
    void rejectsAReadingWithoutStart() {
        String xml =
                feedWith(WH_15_MIN, OK + reading("1330578900", "900", "1").replace("<start>1330578900</start>", ""));
        rejects(xml, "<IntervalReading>\n  <timePeriod>\n    <duration>900</duration>\n    \n  </timePeriod>")
                .hasMessageEndingWith(": IntervalReading has no timePeriod start");
    }

    @Test
    void rejectsAReadingWithoutDuration() {
        String xml =
                feedWith(WH_15_MIN, OK + reading("1330578900", "900", "1").replace("<duration>900</duration>", ""));
        rejects(xml, "<timePeriod>\n    \n    <start>1330578900")
                .hasMessageEndingWith(": IntervalReading timePeriod has no duration");
    }

    @Test
    void rejectsAStartThatIsNotANumber() {
        String xml = withReading("2012-03-01T05:15:00Z", "900", "1");
        rejects(xml, "<start>2012-03-01")
                .hasMessageEndingWith(": IntervalReading timePeriod start '2012-03-01T05:15:00Z' is not an integer");
    }

    @Test
    void rejectsAFractionalStartWhoseFractionIsNotZero() {
        String xml = withReading("1330578900.66136", "900", "1");
        rejects(xml, "<start>1330578900.66136")
                .hasMessageEndingWith(": IntervalReading timePeriod start '1330578900.66136' has a fraction of a"
                        + " second; interval boundaries must be whole seconds");
    }

    @ParameterizedTest
    @CsvSource({"0", "-900"})
    void rejectsADurationThatIsNotPositive(String duration) {
        String xml = withReading("1330578900", duration, "1");
        rejects(xml, "<duration>" + duration)
                .hasMessageEndingWith(": IntervalReading timePeriod duration " + duration + " is not positive");
    }

    @Test
    void rejectsADurationOtherThanTheIntervalLength() {
        String xml = withReading("1330578900", "1800", "1");
        rejects(xml, "<duration>1800")
                .hasMessageEndingWith(": IntervalReading timePeriod duration 1800 does not match intervalLength 900"
                        + " of ReadingType 'ReadingType/1'");
    }

    @Test
    void rejectsADurationOtherThanTheFirstReadingsWhereTheReadingTypeGivesNoIntervalLength() {
        String xml = feedWith(
                WH_15_MIN.replace("<intervalLength>900</intervalLength>", ""), OK + reading("1330578900", "3600", "1"));
        rejects(xml, "<duration>3600")
                .hasMessageEndingWith(": IntervalReading timePeriod duration 3600 does not match the series' interval"
                        + " (from its first reading) 900 of ReadingType 'ReadingType/1'");
    }

    @Test
    void rejectsAMonthlyDurationWhereTheReadingTypeGivesNoIntervalLength() {
        String xml = feedWith(
                WH_15_MIN.replace("<intervalLength>900</intervalLength>", ""), reading("1330578000", "2592000", "1"));
        rejects(xml, "<duration>2592000")
                .hasMessageContaining("IntervalReading timePeriod duration 2592000 is not an interval grid");
    }

    @Test
    void rejectsAStartOffTheGrid() {
        String xml = withReading("1330578907", "900", "1");
        rejects(xml, "<start>1330578907")
                .hasMessageEndingWith(": IntervalReading timePeriod start 1330578907 (2012-03-01T05:15:07Z) is not on"
                        + " the 900-second interval grid of ReadingType 'ReadingType/1'");
    }

    @Test
    void rejectsADailyReadingOffUtcMidnightWithoutLocalTimeParameters() {
        String xml = feedWith(WH_15_MIN.replace("900", "86400"), reading("1330578000", "86400", "1"));
        rejects(xml, "    <start>1330578000")
                .hasMessageEndingWith(" is not on the 86400-second interval grid of ReadingType 'ReadingType/1' (no"
                        + " LocalTimeParameters to place local days)");
    }

    @Test
    void rejectsAnIntervalLengthThatDoesNotDivideADay() {
        String xml = feedWith(WH_15_MIN.replace("900", "2592000"), OK);
        rejects(xml, "<ReadingType")
                .hasMessageEndingWith(": ReadingType 'ReadingType/1' intervalLength 2592000 is not an interval grid:"
                        + " it must be whole minutes that divide a day evenly (e.g. 900, 3600, 86400)");
    }

    @Test
    void rejectsGas() {
        String xml = feedWith(WH_15_MIN.replace("<commodity>1</commodity>", "<commodity>7</commodity>"), OK);
        rejects(xml, "<ReadingType")
                .hasMessageContaining(": ReadingType 'ReadingType/1' commodity 7 is not supported; only commodity 1"
                        + " (electricity) is");
    }

    @Test
    void rejectsDemand() {
        String xml = feedWith(WH_15_MIN.replace("<kind>12</kind>", "<kind>8</kind>"), OK);
        rejects(xml, "<ReadingType")
                .hasMessageContaining("ReadingType 'ReadingType/1' kind 8 is not supported; only kind 12 (energy)");
    }

    @Test
    void rejectsReactiveEnergy() {
        String xml = feedWith(WH_15_MIN.replace("<uom>72</uom>", "<uom>73</uom>"), OK);
        rejects(xml, "<ReadingType").hasMessageContaining("ReadingType 'ReadingType/1' uom 73 is not supported");
    }

    @Test
    void rejectsCumulativeRegisterReadings() {
        String xml = feedWith(WH_15_MIN.replace(">4</accumulationBehaviour>", ">1</accumulationBehaviour>"), OK);
        rejects(xml, "<ReadingType")
                .hasMessageContaining("ReadingType 'ReadingType/1' accumulationBehaviour 1 is not supported");
    }

    @Test
    void rejectsNetFlow() {
        String xml =
                feedWith(WH_15_MIN.replace("<flowDirection>1</flowDirection>", "<flowDirection>4</flowDirection>"), OK);
        rejects(xml, "<ReadingType")
                .hasMessageEndingWith(": ReadingType 'ReadingType/1' flowDirection 4 is not supported; only 1"
                        + " (forward) and 19 (reverse) are");
    }

    @Test
    void rejectsAReadingTypeCodeThatIsNotAnInteger() {
        String xml = feedWith(WH_15_MIN.replace("<uom>72</uom>", "<uom>Wh</uom>"), OK);
        rejects(xml, "<uom>Wh").hasMessageEndingWith(": ReadingType uom 'Wh' is not an integer");
    }

    @Test
    void rejectsAValueThatCannotBeRescaledExactly() {
        String xml = feedWith(
                WH_15_MIN.replace(">0</powerOfTenMultiplier>", ">-1</powerOfTenMultiplier>"),
                reading("1330578000", "900", "2825"));
        rejects(xml, "<value>2825")
                .hasMessageEndingWith(": IntervalReading value 2825 of ReadingType 'ReadingType/1'"
                        + " (powerOfTenMultiplier -1) cannot be rescaled exactly to ACTIVE_ENERGY_IMPORT"
                        + " (powerOfTenMultiplier 0)");
    }

    @Test
    void rejectsAValueThatOverflowsWhenRescaled() {
        String xml = feedWith(
                WH_15_MIN.replace(">0</powerOfTenMultiplier>", ">12</powerOfTenMultiplier>"),
                reading("1330578000", "900", "100000000"));
        rejects(xml, "<value>100000000")
                .hasMessageEndingWith(": IntervalReading value 100000000 × 10^12 of ReadingType 'ReadingType/1' does"
                        + " not fit a 64-bit integer");
    }

    @ParameterizedTest
    @CsvSource({"12, projected, a forecast", "15, normalized for weather,", "3, not an ESPI QualityOfReading code,"})
    void rejectsAQualityWithoutCounterpart(String code, String meaning, String more) {
        String xml = feedWith(WH_15_MIN, OK + readingWithQuality("1330578900", "1", "0", code));
        String expected = meaning + (more == null ? "" : ", " + more);
        rejects(xml, "<quality>" + code)
                .hasMessageEndingWith(": ReadingQuality quality " + code + " (" + expected + ") has no Meterguard"
                        + " counterpart; accepted are 0, 7, 8, 9, 10 and 14, and 17, 18 and 19 as valid");
    }

    @Test
    void rejectsADefaultQualityWithoutCounterpart() {
        String xml = feedWith(WH_15_MIN + "<defaultQuality>11</defaultQuality>\n", OK);
        rejects(xml, "<ReadingType").hasMessageContaining("defaultQuality quality 11 (derived) has no Meterguard");
    }

    @Test
    void rejectsABlockWhoseMeterReadingIsNotInTheFile() {
        String xml = feed(usagePointEntry(), readingTypeEntry(WH_15_MIN), blockEntry(OK));
        rejects(xml, "<link rel=\"up\" href=\"" + Documents.MR + "/IntervalBlock")
                .hasMessageEndingWith(": IntervalBlock entry's up link matches no MeterReading in this file (neither"
                        + " a MeterReading's related link nor its self link without the last segment)");
    }

    @Test
    void rejectsABlockWithoutUpLink() {
        String xml = feed(
                usagePointEntry(),
                meterReadingEntry(),
                readingTypeEntry(WH_15_MIN),
                blockEntry(OK).replaceAll("  <link rel=\"up\"[^\n]*\n", ""));
        rejects(xml, "<entry>\n  <link rel=\"self\" href=\"" + Documents.MR + "/IntervalBlock/1")
                .hasMessageEndingWith(
                        ": IntervalBlock entry has no up link, so the MeterReading it belongs to is" + " unknown");
    }

    @Test
    void rejectsAMeterReadingWithoutReadingType() {
        String xml = feed(usagePointEntry(), meterReadingEntry(), blockEntry(OK));
        rejects(xml, "<MeterReading")
                .hasMessageEndingWith(": MeterReading has interval data but no ReadingType: none of its related links"
                        + " matches the self link of a ReadingType entry in this file");
    }

    @Test
    void rejectsAMeterReadingWithoutUsagePointWhereTheFileHasNone() {
        String xml = feed(meterReadingEntry(), readingTypeEntry(WH_15_MIN), blockEntry(OK));
        rejects(xml, "<link rel=\"up\" href=\"" + Documents.UP + "/MeterReading")
                .hasMessageEndingWith("matches no UsagePoint in this file (neither a UsagePoint's related link nor its"
                        + " self link without the last segment); the file has no UsagePoint");
    }

    @Test
    void rejectsARootThatIsNotAtom() {
        String xml = "<?xml version=\"1.0\"?>\n<IntervalBlock xmlns=\"http://naesb.org/espi\"/>\n";
        rejects(xml, "<IntervalBlock")
                .hasMessageEndingWith(": root element 'IntervalBlock' is neither an Atom feed nor an Atom entry");
    }

    @Test
    void rejectsXmlThatIsNotWellFormed() {
        String xml = withReading("1330578900", "900", "1")
                .replace(
                        "</value>\n</IntervalReading>\n</IntervalBlock>",
                        "</value>\n</IntervalReading>\n</IntervalBlok>");
        rejects(xml, "</IntervalBlok>").hasMessageContaining("not well-formed XML: ");
    }

    @Test
    void rejectsAValueHoldingAnElement() {
        String xml = withReading("1330578900", "900", "<b>1</b>");
        rejects(xml, "<value><b>").hasMessageEndingWith(": value holds an element 'b' where a value belongs");
    }

    @Test
    void rejectsAnUndeclaredEntityReference() {
        String xml = withReading("1330578900", "900", "&one;");
        rejects(xml, "&one;").hasMessageContaining("entity reference &one; is refused");
    }

    @Test
    void rejectsAnEndlessValue() {
        String xml = withReading("1330578900", "900", "1".repeat(100_000));
        assertThatThrownBy(() -> Documents.read(xml))
                .isInstanceOf(ImportRejected.class)
                .hasMessageEndingWith(": value is longer than 4096 characters");
    }

    @Test
    void rejectsAnEntryHoldingTwoResources() {
        String xml = feed(usagePointEntry()
                .replace(
                        "</UsagePoint></content>",
                        "</UsagePoint><MeterReading xmlns=\"http://naesb.org/espi\"/></content>"));
        rejects(xml, "<content><UsagePoint")
                .hasMessageContaining("entry holds a MeterReading after a UsagePoint; an entry's content must hold one"
                        + " ESPI resource (or IntervalBlocks only)");
    }

    @Test
    void rejectsAFileThatChangesBetweenThePasses() {
        byte[] first = feedWith(WH_15_MIN, OK).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] second = feedWith(WH_15_MIN, reading("1330578000", "900", "283"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int[] opens = {0};
        assertThatThrownBy(() -> new GreenButtonReader()
                        .read(
                                () -> new java.io.ByteArrayInputStream(opens[0]++ == 0 ? first : second),
                                new RecordingSink()))
                .isInstanceOf(ImportRejected.class)
                .hasMessage("the file changed between the two passes (checksum differs)");
    }
}
