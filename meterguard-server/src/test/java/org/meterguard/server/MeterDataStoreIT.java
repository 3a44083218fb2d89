package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.TimeRange;
import org.meterguard.server.accounts.AccountClass;
import org.meterguard.server.accounts.AccountReadings;
import org.meterguard.server.accounts.AccountRuleViolated;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.accounts.Contact;
import org.meterguard.server.accounts.ServicePoint;
import org.meterguard.server.accounts.ServicePoints;
import org.meterguard.server.readings.IntervalDay;
import org.meterguard.server.readings.ReadingStore;
import org.meterguard.server.readings.ReadingStore.MergeSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The meter data store on embedded PostgreSQL: idempotent and late merges, values that are never silently
 * replaced, month partitions, the move-in/move-out boundary, and sealed personal details.
 */
@SpringBootTest(properties = {"meterguard.headend.port=0", "meterguard.demo.enabled=false"})
class MeterDataStoreIT {
    private static final IntervalGrid GRID = IntervalGrid.QUARTER_HOURLY;
    private static final AtomicLong TITLES = new AtomicLong(0x4D47_5354_0000_0000L);

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-store").toString();
        registry.add("meterguard.data-dir", () -> directory);
    }

    @Autowired
    ReadingStore store;

    @Autowired
    Accounts accounts;

    @Autowired
    ServicePoints points;

    @Autowired
    AccountReadings accountReadings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aResentIntervalNeverDuplicatesAndLateDataMergesIntoItsDay() {
        MeterId meter = meter("MG-STORE-1");
        Instant day = Instant.parse("2026-03-10T00:00:00Z");
        store.merge(meter, Channel.ACTIVE_ENERGY_IMPORT, GRID, readings(day, 0, 48, 100));

        MergeSummary again = store.merge(meter, Channel.ACTIVE_ENERGY_IMPORT, GRID, readings(day, 0, 48, 100));
        MergeSummary late = store.merge(meter, Channel.ACTIVE_ENERGY_IMPORT, GRID, readings(day, 48, 96, 100));
        MergeSummary outOfOrder = store.merge(meter, Channel.ACTIVE_ENERGY_IMPORT, GRID, readings(day, 10, 60, 100));

        assertThat(again).isEqualTo(new MergeSummary(0, 0, 0, 0));
        assertThat(late.changedDays()).isEqualTo(1);
        assertThat(outOfOrder).isEqualTo(new MergeSummary(0, 0, 0, 0));
        assertThat(rows(meter)).isEqualTo(1);
        List<IntervalReading> stored = store.read(meter, Channel.ACTIVE_ENERGY_IMPORT, dayRange(day));
        assertThat(stored).hasSize(96);
        assertThat(stored.stream().mapToLong(IntervalReading::value).sum()).isEqualTo(sumOf(0, 96, 100));
    }

    @Test
    void aDifferentResentValueIsKeptOutAndRecordedWhileAnActualReadReplacesAnEstimate() {
        MeterId meter = meter("MG-STORE-2");
        Instant day = Instant.parse("2026-03-11T00:00:00Z");
        store.merge(meter, Channel.ACTIVE_ENERGY_IMPORT, GRID, readings(day, 0, 4, 100));
        transactions.executeWithoutResult(status -> {
            IntervalDay stored = store.days(meter, Channel.ACTIVE_ENERGY_IMPORT, date(day), date(day), true)
                    .get(0);
            IntervalDay edited = new IntervalDay(meter, Channel.ACTIVE_ENERGY_IMPORT, GRID, date(day));
            edited.fill(0, 555, ReadingQuality.EDITED);
            edited.fill(1, 7, ReadingQuality.ESTIMATED_LINEAR);
            edited.fillFrom(stored);
            store.replace(List.of(edited), List.of());
        });

        MergeSummary resent = store.merge(
                meter,
                Channel.ACTIVE_ENERGY_IMPORT,
                GRID,
                List.of(
                        new IntervalReading(day, 999, ReadingQuality.RAW),
                        new IntervalReading(day.plusSeconds(900), 42, ReadingQuality.RAW)));

        assertThat(resent.conflicts()).isEqualTo(1);
        assertThat(resent.revisions()).isEqualTo(1);
        List<IntervalReading> stored = store.read(meter, Channel.ACTIVE_ENERGY_IMPORT, dayRange(day));
        assertThat(stored.get(0)).isEqualTo(new IntervalReading(day, 555, ReadingQuality.EDITED));
        assertThat(stored.get(1)).isEqualTo(new IntervalReading(day.plusSeconds(900), 42, ReadingQuality.RAW));
        assertThat(jdbc.sql("SELECT received_value FROM interval_conflict WHERE meter_id = ?")
                        .param(meter.value())
                        .query(Long.class)
                        .list())
                .containsExactly(999L);
        assertThat(jdbc.sql("SELECT old_value || '>' || new_value || ' ' || reason FROM interval_revision"
                                + " WHERE meter_id = ?")
                        .param(meter.value())
                        .query(String.class)
                        .list())
                .containsExactly("7>42 actual reading replaces estimate");
    }

    @Test
    void rowsGoToTheirMonthsPartitionCreatedOnDemandAndMixedQualityIsKeptPerSlot() {
        MeterId meter = meter("MG-STORE-3");
        Instant lastOfMonth = Instant.parse("2031-01-31T00:00:00Z");
        List<IntervalReading> twoDays = new ArrayList<>(readings(lastOfMonth, 0, 96, 10));
        twoDays.addAll(readings(lastOfMonth.plusSeconds(86_400), 0, 96, 10));
        twoDays.set(5, new IntervalReading(twoDays.get(5).start(), 3, ReadingQuality.VALID));

        store.merge(meter, Channel.ACTIVE_ENERGY_EXPORT, GRID, twoDays);

        assertThat(jdbc.sql("SELECT tableoid::regclass::text FROM interval_day WHERE meter_id = ? ORDER BY day")
                        .param(meter.value())
                        .query(String.class)
                        .list())
                .containsExactly("interval_day_2031_01", "interval_day_2031_02");
        assertThat(jdbc.sql("SELECT quality FROM interval_day WHERE meter_id = ? ORDER BY day")
                        .param(meter.value())
                        .query(Short.class)
                        .list())
                .containsExactly((short) -1, (short) ReadingQuality.RAW.espiCode());
        List<IntervalReading> back = store.read(
                meter, Channel.ACTIVE_ENERGY_EXPORT, new TimeRange(lastOfMonth, lastOfMonth.plusSeconds(2 * 86_400)));
        assertThat(back).isEqualTo(twoDays);
    }

    @Test
    void daysStreamOutInMeterAndDayOrderWithMissingSlotsMarked() {
        MeterId a = meter("MG-STREAM-A");
        MeterId b = meter("MG-STREAM-B");
        Instant day = Instant.parse("2027-05-01T00:00:00Z");
        store.merge(b, Channel.ACTIVE_ENERGY_IMPORT, GRID, readings(day, 0, 96, 7));
        store.merge(a, Channel.ACTIVE_ENERGY_IMPORT, GRID, readings(day.plusSeconds(86_400), 0, 95, 1));
        store.merge(a, Channel.ACTIVE_ENERGY_IMPORT, GRID, readings(day, 0, 96, 3));
        List<String> seen = new ArrayList<>();

        long rows = store.streamDays(
                Channel.ACTIVE_ENERGY_IMPORT,
                date(day),
                date(day).plusDays(1),
                (meter, channel, d, values) -> seen.add(meter + " " + d + " " + values[0] + " " + values[95]));

        assertThat(rows).isEqualTo(3);
        assertThat(seen)
                .containsExactly(
                        "MG-STREAM-A 2027-05-01 3 98",
                        "MG-STREAM-A 2027-05-02 1 " + Long.MIN_VALUE,
                        "MG-STREAM-B 2027-05-01 7 102");
    }

    @Test
    void aValueThatDoesNotFitIsRefusedAndNothingOfItsBatchIsStored() {
        MeterId meter = meter("MG-STORE-4");
        Instant day = Instant.parse("2026-03-12T00:00:00Z");
        List<IntervalReading> batch = new ArrayList<>(readings(day, 0, 4, 1));
        batch.add(new IntervalReading(day.plusSeconds(3600), 5_000_000_000L, ReadingQuality.RAW));

        assertThatThrownBy(() -> store.merge(meter, Channel.ACTIVE_ENERGY_IMPORT, GRID, batch))
                .hasMessageContaining("5000000000");
        assertThat(rows(meter)).isZero();
    }

    @Test
    void aNewOccupantSeesOnlyTheirPeriodAndThePreviousOccupantKeepsTheirs() {
        MeterId meter = meter("MG-STORE-5");
        Instant day = Instant.parse("2026-04-01T00:00:00Z");
        Instant moveOver = day.plusSeconds(12 * 3600);
        points.create(new ServicePoint("SP-5", "FEEDER-9", "ZONE-N", 120));
        points.install(meter, "SP-5", day.minusSeconds(86_400 * 30));
        accounts.open("ACC-OLD", AccountClass.RESIDENTIAL, contact("Old Occupant"), day.minusSeconds(86_400 * 30));
        accounts.open("ACC-NEW", AccountClass.RESIDENTIAL, contact("New Occupant"), moveOver);
        accounts.moveIn("ACC-OLD", "SP-5", day.minusSeconds(86_400 * 30));
        assertThatThrownBy(() -> accounts.moveIn("ACC-NEW", "SP-5", moveOver))
                .isInstanceOf(AccountRuleViolated.class)
                .hasMessageContaining("occupied");
        accounts.moveOut("ACC-OLD", "SP-5", moveOver);
        accounts.moveIn("ACC-NEW", "SP-5", moveOver);
        store.merge(meter, Channel.ACTIVE_ENERGY_IMPORT, GRID, readings(day, 0, 96, 50));

        List<IntervalReading> old = accountReadings.read("ACC-OLD", Channel.ACTIVE_ENERGY_IMPORT, dayRange(day));
        List<IntervalReading> fresh = accountReadings.read("ACC-NEW", Channel.ACTIVE_ENERGY_IMPORT, dayRange(day));

        assertThat(old).hasSize(48).allMatch(r -> r.start().isBefore(moveOver));
        assertThat(fresh).hasSize(48).allMatch(r -> !r.start().isBefore(moveOver));
        assertThat(accountReadings.read(
                        "ACC-NEW",
                        Channel.ACTIVE_ENERGY_IMPORT,
                        new TimeRange(day.minusSeconds(86_400 * 10), moveOver)))
                .isEmpty();
    }

    @Test
    void contactDetailsAreSealedAtRestAndShreddingMakesThemUnrecoverable() {
        accounts.open("ACC-SEALED", AccountClass.RESIDENTIAL, contact("Ada Example"), Instant.now());

        assertThat(accounts.contact("ACC-SEALED")).contains(contact("Ada Example"));
        byte[] stored = jdbc.sql("SELECT name FROM customer_contact WHERE account_id = 'ACC-SEALED'")
                .query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Ada");

        assertThat(accounts.shred("ACC-SEALED")).isTrue();
        assertThat(accounts.contact("ACC-SEALED")).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM account_data_key WHERE account_id = 'ACC-SEALED'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aSealedValueMovedToAnotherAccountDoesNotOpen() {
        accounts.open("ACC-A", AccountClass.RESIDENTIAL, contact("Alice A"), Instant.now());
        accounts.open("ACC-B", AccountClass.RESIDENTIAL, contact("Bob B"), Instant.now());
        jdbc.sql("UPDATE customer_contact SET name = (SELECT name FROM customer_contact WHERE account_id = 'ACC-A')"
                        + " WHERE account_id = 'ACC-B'")
                .update();

        assertThatThrownBy(() -> accounts.contact("ACC-B")).hasMessageContaining("does not open");
    }

    @Test
    void packedValuesConvertBothWaysInSqlAsTheMigrationConvertedThem() {
        assertThat(jdbc.sql("SELECT mg_unpack(mg_pack(ARRAY[1, NULL, -5, 2147483647]))::text")
                        .query(String.class)
                        .single())
                .isEqualTo("{1,NULL,-5,2147483647}");
        MeterId meter = meter("MG-STORE-PACKED");
        Instant day = Instant.parse("2026-03-13T00:00:00Z");
        store.merge(meter, Channel.ACTIVE_ENERGY_IMPORT, GRID, readings(day, 2, 4, 40));
        assertThat(jdbc.sql("SELECT (mg_unpack(vals))[1:5]::text FROM interval_day WHERE meter_id = ?")
                        .param(meter.value())
                        .query(String.class)
                        .single())
                .isEqualTo("{NULL,NULL,42,43,NULL}");
    }

    @Test
    void aDayWhoseValuesFitSixteenBitsIsPackedNarrowAndOneThatDoesNotWideAndBothReadBackAlike() {
        Instant day = Instant.parse("2026-03-14T00:00:00Z");
        // -32768 is the narrow form's missing mark: a value of it must keep its day wide, as must 40,000.
        Map<String, List<Long>> cases = Map.of(
                "MG-PACK-NARROW", List.of(-32_767L, 0L, 32_767L),
                "MG-PACK-WIDE-1", List.of(-32_768L, 0L, 7L),
                "MG-PACK-WIDE-2", List.of(1L, 2L, 40_000L));
        cases.forEach((id, values) -> {
            MeterId meter = meter(id);
            List<IntervalReading> written = List.of(
                    new IntervalReading(day, values.get(0), ReadingQuality.RAW),
                    new IntervalReading(day.plusSeconds(900), values.get(1), ReadingQuality.ESTIMATED_LINEAR),
                    new IntervalReading(day.plusSeconds(2700), values.get(2), ReadingQuality.RAW));
            store.merge(meter, Channel.ACTIVE_ENERGY_IMPORT, GRID, written);

            boolean narrow = id.contains("NARROW");
            assertThat(jdbc.sql("SELECT length(vals) FROM interval_day WHERE meter_id = ?")
                            .param(id)
                            .query(Integer.class)
                            .single())
                    .as(id)
                    .isEqualTo(narrow ? 1 + 96 * 2 : 96 * 4);
            assertThat(jdbc.sql("SELECT (mg_unpack(vals))[1:5]::text FROM interval_day WHERE meter_id = ?")
                            .param(id)
                            .query(String.class)
                            .single())
                    .isEqualTo("{" + values.get(0) + "," + values.get(1) + ",NULL," + values.get(2) + ",NULL}");
            assertThat(store.read(meter, Channel.ACTIVE_ENERGY_IMPORT, dayRange(day)))
                    .isEqualTo(written);
            IntervalDay stored = store.days(meter, Channel.ACTIVE_ENERGY_IMPORT, date(day), date(day), false)
                    .get(0);
            assertThat(List.of(stored.reading(0), stored.reading(1), stored.reading(3)))
                    .isEqualTo(written);
            assertThat(stored.isFilled(2)).isFalse();
            List<String> streamed = new ArrayList<>();
            store.streamDays(Channel.ACTIVE_ENERGY_IMPORT, date(day), date(day), (m, channel, d, v) -> {
                if (m.equals(meter)) {
                    streamed.add(v[0] + " " + v[1] + " " + v[2] + " " + v[3]);
                }
            });
            assertThat(streamed)
                    .containsExactly(values.get(0) + " " + values.get(1) + " " + Long.MIN_VALUE + " " + values.get(2));
        });
    }

    @Test
    void channelMetadataMatchesTheReadingTypesOfTheCode() {
        for (Channel channel : Channel.values()) {
            assertThat(jdbc.sql("SELECT concat_ws(',', name, commodity, kind, uom, power_of_ten_multiplier,"
                                    + " flow_direction, accumulation_behaviour) FROM reading_type WHERE channel = ?")
                            .param(channel.code())
                            .query(String.class)
                            .single())
                    .isEqualTo(String.join(
                            ",",
                            channel.name(),
                            "" + channel.commodity(),
                            "" + channel.kind(),
                            "" + channel.uom(),
                            "" + channel.powerOfTenMultiplier(),
                            "" + channel.flowDirection(),
                            "" + channel.accumulationBehaviour()));
        }
    }

    private static Contact contact(String name) {
        return new Contact(name, "1 Main St, Springfield", name.replace(' ', '.') + "@example.org", null);
    }

    private MeterId meter(String id) {
        jdbc.sql("INSERT INTO meter (meter_id, system_title, model) VALUES (?, ?, 'MG-SIM-R1')")
                .params(id, TITLES.incrementAndGet())
                .update();
        return MeterId.of(id);
    }

    private long rows(MeterId meter) {
        return jdbc.sql("SELECT count(*) FROM interval_day WHERE meter_id = ?")
                .param(meter.value())
                .query(Long.class)
                .single();
    }

    private static List<IntervalReading> readings(Instant day, int fromSlot, int toSlot, long base) {
        List<IntervalReading> readings = new ArrayList<>();
        for (int slot = fromSlot; slot < toSlot; slot++) {
            readings.add(new IntervalReading(day.plusSeconds(900L * slot), base + slot, ReadingQuality.RAW));
        }
        return readings;
    }

    private static long sumOf(int fromSlot, int toSlot, long base) {
        return readings(Instant.EPOCH, fromSlot, toSlot, base).stream()
                .mapToLong(IntervalReading::value)
                .sum();
    }

    private static TimeRange dayRange(Instant day) {
        return new TimeRange(day, day.plusSeconds(86_400));
    }

    private static LocalDate date(Instant day) {
        return LocalDate.ofInstant(day, ZoneOffset.UTC);
    }
}
