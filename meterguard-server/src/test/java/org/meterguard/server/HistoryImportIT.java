package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meterguard.core.MeterId;
import org.meterguard.greenbutton.ImportRejected;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.greenbutton.HistoryImport;
import org.meterguard.server.greenbutton.ImportProgress;
import org.meterguard.server.greenbutton.ImportResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Importing history into the store from the public Green Button samples (read from {@code ../shared}, never
 * copied here) and from CSV: every reading stored with its value, a re-import changes nothing, and a file with an
 * error anywhere stores nothing at all.
 */
@SpringBootTest(properties = {"meterguard.headend.port=0", "meterguard.demo.enabled=false"})
class HistoryImportIT {
    private static final Pattern READING_VALUE =
            Pattern.compile("<(?:\\w+:)?IntervalReading>.*?<(?:\\w+:)?value>(-?\\d+)</", Pattern.DOTALL);
    private static final AtomicLong TITLES = new AtomicLong(0x4D47_4742_0000_0000L);

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-import").toString();
        registry.add("meterguard.data-dir", () -> directory);
    }

    @Autowired
    HistoryImport importer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog auditLog;

    @TempDir
    Path temp;

    @Test
    void aYearOfHourlyGreenButtonDataImportsWithEveryValueAndAgainChangesNothing() throws Exception {
        Path file = sample("Coastal_Multi_Family_Jan_1_2011_to_Jan_1_2012_RetailCustomer_5.xml");
        MeterId meter = meter("MG-GB-COASTAL");
        long[] expected = valuesIn(file);

        ImportResult first = importer.importGreenButton(file, meter, "migration", ImportProgress.NONE);
        ImportResult again = importer.importGreenButton(file, meter, "migration", ImportProgress.NONE);

        assertThat(first.readings()).isEqualTo(expected[0]).isEqualTo(8_760);
        assertThat(stored(meter)).containsEntry("readings", expected[0]).containsEntry("total", expected[1]);
        assertThat(again.newDays()).isZero();
        assertThat(again.changedDays()).isZero();
        assertThat(again.conflicts()).isZero();
        auditLog.awaitProjected();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'import-green-button' AND subject = ?")
                        .param("meter:" + meter)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void quarterHourGreenButtonSamplesImportWithTheirReadingCounts() throws Exception {
        for (String name :
                new String[] {"test_usage_data.xml", "test_usage_data_01.xml", "electric_containerized.xml"}) {
            Path file = sample(name);
            MeterId meter = meter("MG-GB-" + name.replaceAll("[^A-Za-z0-9]", "").toUpperCase());
            long[] expected = valuesIn(file);

            importer.importGreenButton(file, meter, "migration", ImportProgress.NONE);

            assertThat(stored(meter))
                    .as(name)
                    .containsEntry("readings", expected[0])
                    .containsEntry("total", expected[1]);
        }
    }

    @Test
    void samplesTheStoreCannotHoldAreRefusedWithAClearErrorAndStoreNothing() {
        MeterId daily = meter("MG-GB-DAILY");
        MeterId gas = meter("MG-GB-GAS");
        // Outside the lambdas: where ../shared is absent, the skip must reach JUnit, not assertThatThrownBy.
        Path dailySample = sample("TestGBDataOneYearDailyBinnedMonthly.xml");
        Path gasSample = sample("ngma_gas_provider_2024-07-16.xml");

        assertThatThrownBy(() -> importer.importGreenButton(dailySample, daily, "migration", ImportProgress.NONE))
                .isInstanceOf(ImportRejected.class)
                .hasMessageContaining("local midnight");
        assertThatThrownBy(() -> importer.importGreenButton(gasSample, gas, "migration", ImportProgress.NONE))
                .isInstanceOf(ImportRejected.class)
                .hasMessageMatching("line \\d+: .*");
        assertThat(stored(daily)).containsEntry("readings", 0L);
        assertThat(stored(gas)).containsEntry("readings", 0L);
    }

    @Test
    void aFileWithAnErrorNearItsEndStoresNothingAndNamesTheLine() throws Exception {
        Path good = sample("Coastal_Multi_Family_Jan_1_2011_to_Jan_1_2012_RetailCustomer_5.xml");
        String text = Files.readString(good);
        Matcher values = READING_VALUE.matcher(text);
        int last = -1;
        while (values.find()) {
            last = values.start(1);
        }
        Path bad = temp.resolve("bad.xml");
        Files.writeString(bad, text.substring(0, last) + "abc" + text.substring(text.indexOf('<', last)));
        MeterId meter = meter("MG-GB-BAD");

        assertThatThrownBy(() -> importer.importGreenButton(bad, meter, "migration", ImportProgress.NONE))
                .isInstanceOf(ImportRejected.class)
                .hasMessageMatching("line \\d+: .*abc.*");
        assertThat(stored(meter)).containsEntry("readings", 0L);
    }

    @Test
    void aFileThatFailsWhileBeingStoredLeavesNothingOfItBehind() throws Exception {
        Path file = sample("Coastal_Multi_Family_Jan_1_2011_to_Jan_1_2012_RetailCustomer_5.xml");
        MeterId meter = meter("MG-GB-CLASH");
        StringBuilder csv = new StringBuilder("meter_id,channel,interval_start,interval_seconds,value,quality\n");
        for (int i = 0; i < 96; i++) {
            csv.append(meter)
                    .append(",ACTIVE_ENERGY_IMPORT,")
                    .append(java.time.Instant.parse("2011-12-30T00:00:00Z").plusSeconds(900L * i))
                    .append(",900,5,0\n");
        }
        Path quarterHours = temp.resolve("quarter-hours.csv");
        Files.writeString(quarterHours, csv);
        importer.importCsv(quarterHours, "migration", ImportProgress.NONE);

        assertThatThrownBy(() -> importer.importGreenButton(file, meter, "migration", ImportProgress.NONE))
                .hasMessageContaining("900-second intervals");
        assertThat(stored(meter)).containsEntry("readings", 96L).containsEntry("total", 96L * 5);
    }

    @Test
    void csvImportsAndABadRowStoresNothing() throws Exception {
        MeterId meter = meter("MG-CSV-1");
        StringBuilder csv = new StringBuilder("meter_id,channel,interval_start,interval_seconds,value,quality\n");
        for (int i = 0; i < 192; i++) {
            csv.append(meter)
                    .append(",ACTIVE_ENERGY_IMPORT,")
                    .append(java.time.Instant.parse("2025-02-01T00:00:00Z").plusSeconds(900L * i))
                    .append(",900,")
                    .append(100 + i)
                    .append(",0\n");
        }
        Path good = temp.resolve("good.csv");
        Files.writeString(good, csv);
        Path bad = temp.resolve("bad.csv");
        Files.writeString(bad, csv.toString().replace(",150,0\n", ",15x,0\n"));
        MeterId other = meter("MG-CSV-2");
        Path badOther = temp.resolve("bad-other.csv");
        Files.writeString(
                badOther, csv.toString().replace(meter.value(), other.value()).replace(",150,0\n", ",15x,0\n"));

        assertThatThrownBy(() -> importer.importCsv(badOther, "migration", ImportProgress.NONE))
                .isInstanceOf(ImportRejected.class)
                .hasMessageContaining("line 52");
        ImportResult result = importer.importCsv(good, "migration", ImportProgress.NONE);

        assertThat(result.readings()).isEqualTo(192);
        assertThat(stored(meter)).containsEntry("readings", 192L);
        assertThat(stored(other)).containsEntry("readings", 0L);
        assertThat(jdbc.sql("SELECT DISTINCT quality FROM interval_day WHERE meter_id = ?")
                        .param(meter.value())
                        .query(Short.class)
                        .list())
                .containsExactly((short) 0);
    }

    @Test
    void theCommandLineRefusesAnUnknownMeterWithExitStatusTwo() throws Exception {
        Path csv = temp.resolve("unknown.csv");
        Files.writeString(
                csv,
                "meter_id,channel,interval_start,interval_seconds,value,quality\n"
                        + "MG-NOBODY,ACTIVE_ENERGY_IMPORT,2025-02-01T00:00:00Z,900,1,0\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = runCommand(
                new String[] {"--csv", csv.toString(), "--meterguard.data-dir=" + temp.resolve("cli-data")}, out, err);

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("refused, nothing stored")
                .contains("MG-NOBODY");
    }

    private static int runCommand(String[] args, ByteArrayOutputStream out, ByteArrayOutputStream err)
            throws Exception {
        var run = Class.forName("org.meterguard.server.greenbutton.ImportCommand")
                .getDeclaredMethod("run", String[].class, PrintStream.class, PrintStream.class);
        run.setAccessible(true);
        return (int) run.invoke(null, args, new PrintStream(out, true), new PrintStream(err, true));
    }

    private Map<String, Object> stored(MeterId meter) {
        return jdbc.sql("""
                        SELECT coalesce(sum((SELECT count(v) FROM unnest(mg_unpack(vals)) v)), 0)::bigint AS readings,
                               coalesce(sum((SELECT sum(v) FROM unnest(mg_unpack(vals)) v)), 0)::bigint AS total
                          FROM interval_day WHERE meter_id = ?""").param(meter.value()).query().singleRow();
    }

    /** Counts the file's IntervalReadings and sums their values, independently of the importer. */
    private static long[] valuesIn(Path file) throws IOException {
        Matcher m = READING_VALUE.matcher(Files.readString(file));
        long count = 0;
        long total = 0;
        while (m.find()) {
            count++;
            total += Long.parseLong(m.group(1));
        }
        return new long[] {count, total};
    }

    private static Path sample(String name) {
        Path samples = Path.of("").toAbsolutePath().getParent().getParent().resolve("shared/data/greenbutton/samples");
        Assumptions.assumeTrue(
                Files.isDirectory(samples),
                "../shared/data/greenbutton is absent (a clone outside the workspace): Green Button sample tests skipped");
        return samples.resolve(name);
    }

    private MeterId meter(String id) {
        jdbc.sql("INSERT INTO meter (meter_id, system_title, model) VALUES (?, ?, 'MG-SIM-R1')")
                .params(id, TITLES.incrementAndGet())
                .update();
        return MeterId.of(id);
    }
}
