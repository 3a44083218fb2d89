package org.meterguard.greenbutton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.meterguard.core.Channel;
import org.meterguard.core.ReadingQuality;

/** The real Green Button files in shared/data/greenbutton/samples (see its MANIFEST.md), read in place. */
class GreenButtonSamplesTest {
    private final GreenButtonReader reader = new GreenButtonReader();

    private RecordingSink read(Path file) throws IOException {
        RecordingSink sink = new RecordingSink();
        GreenButtonSummary summary = reader.read(file, sink);
        assertThat(summary.readings()).isEqualTo(sink.rows.size());
        assertThat(summary.warnings()).isEqualTo(sink.warnings);
        assertThat(sink.begins).isEqualTo(1);
        return sink;
    }

    /** Every conforming sample with interval data: all readings, no warnings, import energy, values as in the file. */
    @ParameterizedTest
    @CsvSource({
        "test_usage_data.xml, 1340, 900, 1391666",
        "test_usage_data_01.xml, 96, 900, 93846",
        "test_usage_data_02.xml, 96, 900, 97977",
        "test_usage_data_03.xml, 96, 900, 114969",
        "test_usage_data_04.xml, 96, 900, 111980",
        "test_usage_data_05.xml, 96, 900, 92916",
        "test_usage_data_1.xml, 480, 900, 511688",
        "test_usage_data_2.xml, 860, 900, 879978",
        "Coastal_Multi_Family_Jan_1_2011_to_Jan_1_2012_RetailCustomer_5.xml, 8760, 3600, 4425305",
        "TestGBDataOneYearDailyBinnedMonthly.xml, 444, 86400, 9917817",
        "electric_containerized.xml, 8, 3600, 4086",
    })
    void readsEveryReadingOfAConformingSample(String name, long readings, int interval, long sum) throws IOException {
        Path file = SharedSamples.sample(name);
        RecordingSink sink = read(file);

        assertThat(sink.rows).hasSize((int) SharedSamples.countIntervalReadingTags(file));
        assertThat(sink.rows).hasSize((int) readings);
        assertThat(sink.sum()).isEqualTo(sum);
        assertThat(sink.warnings).isEmpty();
        assertThat(sink.feed.meterReadings()).hasSize(1);
        MeterReading series = sink.feed.meterReadings().get(0);
        assertThat(series.channel()).isEqualTo(Channel.ACTIVE_ENERGY_IMPORT);
        assertThat(series.readingType().intervalLength()).hasValue(interval);
        assertThat(series.usagePoint().serviceKind()).hasValue(0);
        assertThat(sink.rows).allSatisfy(row -> assertThat(row.series()).isSameAs(series));
    }

    @Test
    void readsQualitiesStartsAndValuesOfTheDownloadMyDataFeed() throws IOException {
        RecordingSink sink = read(SharedSamples.sample("test_usage_data.xml"));

        MeterReading series = sink.feed.meterReadings().get(0);
        assertThat(sink.rows.subList(0, 3))
                .containsExactly(
                        new RecordingSink.Row(series, 1330578000, 900, 282, ReadingQuality.ESTIMATED_REFERENCE_DAY),
                        new RecordingSink.Row(series, 1330578900, 900, 323, ReadingQuality.EDITED),
                        new RecordingSink.Row(series, 1330579800, 900, 294, ReadingQuality.RAW));
        assertThat(sink.rows.get(sink.rows.size() - 1).start()).isEqualTo(1331783100);
        assertThat(series.usagePoint().href())
                .isEqualTo("/espi/1_1/resource/RetailCustomer/9B6C7066/UsagePoint/5446AF3F");
        assertThat(series.usagePoint().atomId()).isEqualTo("urn:uuid:48C2A019-5598-4E16-B0F9-49E4FF27F5FB");
        assertThat(series.usagePoint().localTimeParameters())
                .hasValue(new LocalTimeParameters(-18000, 3600, "360E2000", "B40E2000"));
        assertThat(series.readingType().label()).isEqualTo("ReadingType 'ReadingType/07'");
    }

    @Test
    void readsAYearOfHourlyReadingsInOrder() throws IOException {
        RecordingSink sink =
                read(SharedSamples.sample("Coastal_Multi_Family_Jan_1_2011_to_Jan_1_2012_RetailCustomer_5.xml"));

        assertThat(sink.rows.get(0).start()).isEqualTo(1293868800); // 2011-01-01T08:00Z, local midnight PST
        assertThat(sink.rows.get(0).value()).isEqualTo(450);
        assertThat(sink.rows.get(1).value()).isEqualTo(430);
        assertThat(sink.rows.get(8759).start()).isEqualTo(1325401200);
        assertThat(sink.rows.get(8759).value()).isEqualTo(482);
        for (int i = 1; i < sink.rows.size(); i++) {
            assertThat(sink.rows.get(i).start() - sink.rows.get(i - 1).start()).isEqualTo(3600);
        }
        assertThat(sink.rows).allSatisfy(row -> assertThat(row.quality()).isEqualTo(ReadingQuality.RAW));
    }

    /** ESPI daily values are local days: they start at local midnight and last 23 or 25 hours at DST changes. */
    @Test
    void readsLocalDaysAcrossDaylightSavingChanges() throws IOException {
        RecordingSink sink = read(SharedSamples.sample("TestGBDataOneYearDailyBinnedMonthly.xml"));

        assertThat(sink.rows.get(0).start()).isEqualTo(1357016400); // 2013-01-01T05:00Z, midnight EST
        assertThat(sink.rows.get(0).duration()).isEqualTo(86400);
        assertThat(sink.rows)
                .filteredOn(row -> row.duration() != 86400)
                .extracting(RecordingSink.Row::start, RecordingSink.Row::duration, RecordingSink.Row::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1362891600L, 82800, 25389L),
                        org.assertj.core.groups.Tuple.tuple(1383451200L, 90000, 25935L),
                        org.assertj.core.groups.Tuple.tuple(1394341200L, 82800, 25389L));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ApplicationInformation-Entry-Anonymized.xml",
                "Authorization-Entry-Anonymized.xml",
                "Multiple-Authorization-Feed-Anonymized.xml",
                "usage_point.xml"
            })
    void readsAConformingSampleWithoutIntervalDataAsNoReadings(String name) throws IOException {
        Path file = SharedSamples.sample(name);
        RecordingSink sink = read(file);

        assertThat(SharedSamples.countIntervalReadingTags(file)).isZero();
        assertThat(sink.rows).isEmpty();
        assertThat(sink.feed.meterReadings()).isEmpty();
        assertThat(sink.warnings).isEmpty();
    }

    @Test
    void readsTheUsagePointOfASingleEntryFeed() throws IOException {
        RecordingSink sink = read(SharedSamples.sample("usage_point.xml"));

        assertThat(sink.feed.usagePoints()).singleElement().satisfies(point -> {
            assertThat(point.serviceKind()).hasValue(0);
            assertThat(point.localTimeParameters()).isEmpty(); // linked, but not in this file
        });
    }

    /** Non-conforming only in a ServiceDeliveryPoint the reader does not need: read in full, nothing to warn about. */
    @Test
    void readsTheNineDaySampleDespiteItsMisplacedServiceDeliveryPoint() throws IOException {
        Path file = SharedSamples.sample("TestGBDataHourlyNineDaysBinnedDaily.xml");
        RecordingSink sink = read(file);

        assertThat(sink.rows)
                .hasSize((int) SharedSamples.countIntervalReadingTags(file))
                .hasSize(216);
        assertThat(sink.sum()).isEqualTo(199563);
        assertThat(sink.rows.get(0).start()).isEqualTo(1388552400);
        assertThat(sink.rows.get(0).value()).isEqualTo(273);
        assertThat(sink.warnings).isEmpty();
    }

    /** Non-conforming: the ReadingType sits inside the MeterReading. Read leniently, with a warning naming it. */
    @Test
    void readsTheUsageSubscriptionFeedWithAWarningForItsEmbeddedReadingType() throws IOException {
        RecordingSink sink = read(SharedSamples.sample("Usage-Subscription-Feed-Anonymized.xml"));

        assertThat(sink.rows).isEmpty();
        assertThat(sink.feed.usagePoints()).singleElement().satisfies(point -> assertThat(point.localTimeParameters())
                .hasValue(new LocalTimeParameters(-18000, 3600, "360E2000", "B40E2000")));
        assertThat(sink.warnings)
                .extracting(GreenButtonWarning::line, GreenButtonWarning::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        51,
                        "ReadingType written inside a MeterReading (ESPI puts it in an entry of its own); used as"
                                + " that MeterReading's ReadingType unless one is linked"));
    }

    /** Non-conforming retail-customer data in another namespace: nothing of it is usage data. */
    @Test
    void readsTheCustomerSubscriptionFeedAsHoldingNoUsageData() throws IOException {
        RecordingSink sink = read(SharedSamples.sample("Customer-Subscription-Feed-Anonymized.xml"));

        assertThat(sink.rows).isEmpty();
        assertThat(sink.feed.usagePoints()).isEmpty();
        assertThat(sink.warnings).isEmpty();
    }

    /**
     * Non-conforming gas export: its ReadingType is empty, so nothing says what the values measure. Rejected before
     * any reading is delivered, naming the ReadingType's line. (Its fractional starts and monthly intervals would be
     * refused next; see GreenButtonRejectionsTest.)
     */
    @Test
    void rejectsTheGasExportWhoseReadingTypeIsEmpty() throws IOException {
        RecordingSink sink = new RecordingSink();
        Path file = SharedSamples.sample("ngma_gas_provider_2024-07-16.xml");

        assertThatThrownBy(() -> reader.read(file, sink))
                .isInstanceOf(ImportRejected.class)
                .hasMessage("line 662: ReadingType 'ReadingType/07' has no commodity; only commodity 1 (electricity)"
                        + " is supported (Meterguard imports electricity energy in Wh: commodity 1, kind 12, uom 72,"
                        + " accumulationBehaviour 4)")
                .extracting(e -> ((ImportRejected) e).line())
                .isEqualTo(662);
        assertThat(sink.rows).isEmpty();
        assertThat(sink.begins).isZero();
    }

    @Test
    void everySampleInTheManifestIsCoveredHere() throws IOException {
        Path dir = SharedSamples.sample("test_usage_data.xml").getParent();
        try (var files = java.nio.file.Files.list(dir)) {
            List<String> names =
                    files.map(f -> f.getFileName().toString()).sorted().toList();
            assertThat(names)
                    .containsExactlyInAnyOrder(
                            "ApplicationInformation-Entry-Anonymized.xml",
                            "Authorization-Entry-Anonymized.xml",
                            "Coastal_Multi_Family_Jan_1_2011_to_Jan_1_2012_RetailCustomer_5.xml",
                            "Customer-Subscription-Feed-Anonymized.xml",
                            "Multiple-Authorization-Feed-Anonymized.xml",
                            "TestGBDataHourlyNineDaysBinnedDaily.xml",
                            "TestGBDataOneYearDailyBinnedMonthly.xml",
                            "Usage-Subscription-Feed-Anonymized.xml",
                            "electric_containerized.xml",
                            "ngma_gas_provider_2024-07-16.xml",
                            "test_usage_data.xml",
                            "test_usage_data_01.xml",
                            "test_usage_data_02.xml",
                            "test_usage_data_03.xml",
                            "test_usage_data_04.xml",
                            "test_usage_data_05.xml",
                            "test_usage_data_1.xml",
                            "test_usage_data_2.xml",
                            "usage_point.xml");
        }
    }
}
