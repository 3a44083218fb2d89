package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.TimeRange;
import org.meterguard.core.usage.Resolution;
import org.meterguard.core.usage.UsagePeriod;
import org.meterguard.core.usage.UsageSeries;
import org.meterguard.server.accounts.AccountClass;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.accounts.Contact;
import org.meterguard.server.accounts.ServicePoint;
import org.meterguard.server.accounts.ServicePoints;
import org.meterguard.server.portal.AccountUsage;
import org.meterguard.server.portal.UsageDashboard;
import org.meterguard.server.readings.DaysChanged;
import org.meterguard.server.readings.IntervalDay;
import org.meterguard.server.readings.MonthRollups;
import org.meterguard.server.readings.ReadingStore;
import org.meterguard.server.readings.Revision;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The store's hourly sums ({@code ReadingStore.readHours}), which the dashboard reads at hourly, daily and monthly
 * resolution, summed from the day rows or read from closed months' rolled-up rows (V22 {@code interval_months}):
 * each equals the sum of its day row's readings (gaps, mixed qualities, sums too large for an integer), also after a
 * late reading fills a gap, an actual read replaces an estimate and an edit or estimate rewrites a row, and while
 * the month rows are rolled up, made stale by writes and rebuilt; and the dashboard's buckets from them equal the
 * same readings bucketed one by one, across both daylight-saving days of Los Angeles, and in a zone whose offset is
 * not whole hours (where the dashboard reads the readings).
 */
// The month rollups' job runs only when a test calls it (a scheduled run could take the rebuild a test waits for).
@SpringBootTest(
        properties = {"meterguard.headend.port=0", "meterguard.demo.enabled=false", "meterguard.rollups.enabled=false"})
class UsageHoursIT {
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final List<Channel> CHANNELS = List.of(Channel.ACTIVE_ENERGY_IMPORT, Channel.ACTIVE_ENERGY_EXPORT);
    // 2026-02-20 .. 2026-04-10 and 2026-10-20 .. 2026-11-10 (UTC days): both DST changes of 2026 in Los Angeles.
    private static final List<TimeRange> SPANS = List.of(
            new TimeRange(Instant.parse("2026-02-20T00:00:00Z"), Instant.parse("2026-04-10T00:00:00Z")),
            new TimeRange(Instant.parse("2026-10-20T00:00:00Z"), Instant.parse("2026-11-10T00:00:00Z")));
    private static final Instant INSTALLED = Instant.parse("2026-01-01T08:00:00Z");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-hours").toString();
        registry.add("meterguard.data-dir", () -> directory);
    }

    @Autowired
    UsageDashboard dashboard;

    @Autowired
    Accounts accounts;

    @Autowired
    ServicePoints points;

    @Autowired
    ReadingStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MonthRollups rollups;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @BeforeEach
    void metersWithReadings() {
        if (accounts.exists("ACC-HOURS-LA")) {
            return;
        }
        meter("LA", LOS_ANGELES, 1);
        meter("IN", KOLKATA, 2);
    }

    /** A meter in {@code zone} with its account, and readings with gaps, estimates and mixed qualities. */
    private void meter(String name, ZoneId zone, int seed) {
        MeterId meter = MeterId.of("MG-HOURS-" + name);
        jdbc.sql("INSERT INTO meter (meter_id, system_title, model, time_zone) VALUES (?, ?, 'MG-SIM-R1', ?)")
                .params(meter.value(), 7000 + seed, zone.getId())
                .update();
        points.create(new ServicePoint("SP-HOURS-" + name, "F-1", "NORTH", 240));
        points.install(meter, "SP-HOURS-" + name, INSTALLED);
        String account = "ACC-HOURS-" + name;
        accounts.open(account, AccountClass.RESIDENTIAL, new Contact("Occupant", "1 Main St", null, null), INSTALLED);
        accounts.moveIn(account, "SP-HOURS-" + name, INSTALLED);
        SplittableRandom random = new SplittableRandom(seed);
        for (Channel channel : CHANNELS) {
            List<IntervalReading> readings = new ArrayList<>();
            for (TimeRange span : SPANS) {
                for (Instant t = span.from(); t.isBefore(span.to()); t = t.plusSeconds(900)) {
                    int draw = random.nextInt(100);
                    if (draw < 3) {
                        continue; // a gap
                    }
                    ReadingQuality quality = draw < 8
                            ? ReadingQuality.ESTIMATED_LINEAR
                            : draw < 10 ? ReadingQuality.ESTIMATED_REFERENCE_DAY : ReadingQuality.VALID;
                    readings.add(new IntervalReading(t, random.nextInt(2_000), quality));
                }
            }
            store.merge(meter, channel, IntervalGrid.QUARTER_HOURLY, readings);
        }
    }

    @Test
    void everyHourReadIsTheSumOfItsDayRow() {
        assertHoursMatchDays(MeterId.of("MG-HOURS-LA"));
        assertHoursMatchDays(MeterId.of("MG-HOURS-IN"));
    }

    @Test
    void sumsTooLargeForAnIntegerAreKeptWhole() {
        MeterId meter = MeterId.of("MG-HOURS-LA");
        Instant at = Instant.parse("2026-06-01T10:00:00Z");
        List<IntervalReading> huge = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            huge.add(new IntervalReading(at.plusSeconds(900L * q), Integer.MAX_VALUE - q, ReadingQuality.VALID));
        }
        store.merge(meter, Channel.ACTIVE_ENERGY_IMPORT, IntervalGrid.QUARTER_HOURLY, huge);

        long[] sum = new long[1];
        store.readHours(
                meter,
                List.of(Channel.ACTIVE_ENERGY_IMPORT),
                LocalDate.parse("2026-06-01"),
                LocalDate.parse("2026-06-01"),
                (channel, day, hours, sums, counts, estimated) -> sum[0] = sums[10]);
        assertThat(sum[0]).isEqualTo(4L * Integer.MAX_VALUE - 6);
        assertHoursMatchDays(meter);
    }

    @Test
    void lateReadingsActualReadsAndEditsRewriteTheHours() {
        MeterId meter = MeterId.of("MG-HOURS-LA");
        // Late readings fill every gap of 2026-03-08 (the spring-forward day) with actual reads, which also
        // replace its estimates.
        List<IntervalReading> late = new ArrayList<>();
        for (Instant t = Instant.parse("2026-03-08T00:00:00Z");
                t.isBefore(Instant.parse("2026-03-09T00:00:00Z"));
                t = t.plusSeconds(900)) {
            late.add(new IntervalReading(t, 1_234, ReadingQuality.VALID));
        }
        ReadingStore.MergeSummary merged =
                store.merge(meter, Channel.ACTIVE_ENERGY_IMPORT, IntervalGrid.QUARTER_HOURLY, late);
        assertThat(merged.changedDays()).isEqualTo(1);
        assertThat(merged.revisions()).isPositive();
        // An edit and an estimate rewrite 2026-11-01 (the fall-back day), as validation and editing do.
        transactions.executeWithoutResult(status -> {
            List<IntervalDay> days = store.days(
                    meter,
                    Channel.ACTIVE_ENERGY_EXPORT,
                    LocalDate.parse("2026-11-01"),
                    LocalDate.parse("2026-11-01"),
                    true);
            IntervalDay day = days.get(0);
            day.replace(40, 999_999, ReadingQuality.EDITED);
            day.replace(41, 7, ReadingQuality.ESTIMATED_LINEAR);
            store.replace(
                    days,
                    List.of(new Revision(
                            meter,
                            Channel.ACTIVE_ENERGY_EXPORT,
                            day.startOf(40),
                            null,
                            null,
                            999_999,
                            (short) ReadingQuality.EDITED.espiCode(),
                            "steward",
                            "test edit")));
        });

        assertHoursMatchDays(meter);
        int[] hour10 = new int[3];
        store.readHours(
                meter,
                List.of(Channel.ACTIVE_ENERGY_EXPORT),
                LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-01"),
                (channel, day, hours, sums, counts, estimated) -> {
                    hour10[0] = (int) Math.min(Integer.MAX_VALUE, sums[10]);
                    hour10[1] = counts[10];
                    hour10[2] = estimated[10];
                });
        assertThat(hour10[0]).isGreaterThanOrEqualTo(999_999 + 7);
        assertThat(hour10[2]).isPositive();
    }

    @Test
    void rolledUpMonthsHoldTheirHoursAndAWriteIntoOneMakesItStaleUntilRebuilt() {
        MeterId meter = MeterId.of("MG-HOURS-LA");
        Instant now = Instant.parse("2026-11-24T12:00:00Z");
        // July: sums too large for an integer, so its month row keeps 8-byte sums.
        List<IntervalReading> huge = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            huge.add(new IntervalReading(
                    Instant.parse("2026-07-31T23:00:00Z").plusSeconds(900L * q),
                    Integer.MAX_VALUE - q,
                    ReadingQuality.VALID));
        }
        store.merge(meter, Channel.ACTIVE_ENERGY_IMPORT, IntervalGrid.QUARTER_HOURLY, huge);
        rollups.rollUp(now);
        MonthHours july = monthHours(meter, Channel.ACTIVE_ENERGY_IMPORT, YearMonth.of(2026, 7));
        assertThat(july.sums()[july.sums().length - 1]).isEqualTo(4L * Integer.MAX_VALUE - 6);
        assertThat(monthRow(meter, Channel.ACTIVE_ENERGY_IMPORT, "2026-07-01")).isEqualTo("rolled up");
        // Through October (ended more than a week before), every month with hour rows; November is still open
        // (once it is over by the machine's clock, the writes into it have marked it stale: never rolled up here).
        assertThat(monthRow(meter, Channel.ACTIVE_ENERGY_IMPORT, "2026-03-01")).isEqualTo("rolled up");
        assertThat(monthRow(meter, Channel.ACTIVE_ENERGY_EXPORT, "2026-10-01")).isEqualTo("rolled up");
        assertThat(monthRow(meter, Channel.ACTIVE_ENERGY_IMPORT, "2026-11-01")).isNotEqualTo("rolled up");
        assertThat(monthRow(meter, Channel.ACTIVE_ENERGY_IMPORT, "2026-05-01")).isEqualTo("none"); // no data
        assertRolledUpReadsMatch(meter);

        // An edit of 2026-03-15, as a data steward's: March's row is stale in the same transaction.
        edit(meter, "2026-03-15", 50, 88_888);
        assertThat(monthRow(meter, Channel.ACTIVE_ENERGY_IMPORT, "2026-03-01")).isEqualTo("stale");
        assertThat(monthRow(meter, Channel.ACTIVE_ENERGY_EXPORT, "2026-03-01")).isEqualTo("rolled up");
        assertRolledUpReadsMatch(meter);

        // A late reading for a month with no data yet (May) asks for a row of its own.
        store.merge(
                meter,
                Channel.ACTIVE_ENERGY_EXPORT,
                IntervalGrid.QUARTER_HOURLY,
                List.of(new IntervalReading(Instant.parse("2026-05-31T23:45:00Z"), 321, ReadingQuality.VALID)));
        assertThat(monthRow(meter, Channel.ACTIVE_ENERGY_EXPORT, "2026-05-01")).isEqualTo("stale");

        assertThat(rollups.rollUp(now)).isGreaterThanOrEqualTo(2);
        assertThat(monthRow(meter, Channel.ACTIVE_ENERGY_IMPORT, "2026-03-01")).isEqualTo("rolled up");
        assertThat(monthRow(meter, Channel.ACTIVE_ENERGY_EXPORT, "2026-05-01")).isEqualTo("rolled up");
        MonthHours may = monthHours(meter, Channel.ACTIVE_ENERGY_EXPORT, YearMonth.of(2026, 5));
        assertThat(may.sums()[31 * 24 - 1]).isEqualTo(321);
        assertThat(may.counts()[31 * 24 - 1]).isEqualTo(1);
        assertRolledUpReadsMatch(meter);
    }

    @Test
    void aRebuildWaitsForAWriteThatHoldsItsRowAndSumsWhatTheWriteCommitted() throws Exception {
        MeterId meter = MeterId.of("MG-HOURS-LA");
        Instant now = Instant.parse("2026-11-24T12:00:00Z");
        rollups.rollUp(now);
        edit(meter, "2026-04-02", 10, 11_111); // committed: April's row is stale, for the rebuild below
        assertThat(monthRow(meter, Channel.ACTIVE_ENERGY_IMPORT, "2026-04-01")).isEqualTo("stale");

        java.util.concurrent.CountDownLatch marked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            // A write that has marked April (and so holds its row) but not yet committed its new value.
            java.util.concurrent.Future<?> writer = threads.submit(() -> transactions.executeWithoutResult(status -> {
                editInTransaction(meter, "2026-04-03", 20, 22_222);
                marked.countDown();
                try {
                    commit.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            marked.await();
            java.util.concurrent.Future<Long> rebuild = threads.submit(() -> rollups.rollUp(now));
            // The rebuild waits for the writer's row lock before it reads any hour row.
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                    + " AND query LIKE '%interval_months%' AND pid <> pg_backend_pid()")
                            .query(Long.class)
                            .single()
                    == 0) {
                assertThat(System.nanoTime())
                        .as("the rebuild waits for the lock")
                        .isLessThan(deadline);
                assertThat(rebuild.isDone())
                        .as("the rebuild went ahead of the writer's lock")
                        .isFalse();
                Thread.sleep(20);
            }
            commit.countDown();
            writer.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(rebuild.get(30, java.util.concurrent.TimeUnit.SECONDS)).isPositive();
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
        // Rolled up with the write that committed while the rebuild waited.
        assertThat(monthRow(meter, Channel.ACTIVE_ENERGY_IMPORT, "2026-04-01")).isEqualTo("rolled up");
        // 2026-04-03 05:00 UTC holds slot 20.
        assertThat(monthHours(meter, Channel.ACTIVE_ENERGY_IMPORT, YearMonth.of(2026, 4))
                        .sums()[2 * 24 + 5])
                .isGreaterThanOrEqualTo(22_222);
        assertRolledUpReadsMatch(meter);
    }

    /** A month's hours as one rolled-up row gives them. */
    private record MonthHours(long[] sums, int[] counts) {}

    /** Reads {@code month} of one channel, which must come as one month row (rolled up, not stale) of all its hours. */
    private MonthHours monthHours(MeterId meter, Channel channel, YearMonth month) {
        List<MonthHours> rows = new ArrayList<>();
        store.readHours(
                meter, List.of(channel), month.atDay(1), month.atEndOfMonth(), (c, day, hours, sums, counts, e) -> {
                    assertThat(day).isEqualTo(month.atDay(1));
                    assertThat(hours).isEqualTo(month.lengthOfMonth() * 24);
                    rows.add(new MonthHours(Arrays.copyOf(sums, hours), Arrays.copyOf(counts, hours)));
                });
        assertThat(rows).as("%s of %s in one row", month, channel).hasSize(1);
        return rows.get(0);
    }

    /** Replaces the import value of {@code slot} on UTC {@code day}, as a data steward's edit, and commits it. */
    private void edit(MeterId meter, String day, int slot, long value) {
        transactions.executeWithoutResult(status -> editInTransaction(meter, day, slot, value));
    }

    private void editInTransaction(MeterId meter, String day, int slot, long value) {
        List<IntervalDay> days =
                store.days(meter, Channel.ACTIVE_ENERGY_IMPORT, LocalDate.parse(day), LocalDate.parse(day), true);
        days.get(0).replace(slot, value, ReadingQuality.EDITED);
        store.replace(days, List.of());
    }

    /**
     * The hours, the local days and the dashboard from month rows where they are up to date, as from the day rows
     * alone. The daily totals the portal keeps are dropped first, so that the dashboard reads the store.
     */
    private void assertRolledUpReadsMatch(MeterId meter) {
        assertHoursMatchDays(meter);
        assertLocalDaysMatchReadings(meter, LOS_ANGELES);
        events.publishEvent(DaysChanged.everything());
        for (Resolution resolution : List.of(Resolution.HOUR, Resolution.DAY, Resolution.MONTH)) {
            assertDashboardMatchesReadings("LA", LOS_ANGELES, resolution, "2026-03-01", "2026-04-01");
        }
        assertDashboardMatchesReadings("LA", LOS_ANGELES, Resolution.MONTH, "2026-02-01", "2026-12-01");
        assertDashboardMatchesReadings("LA", LOS_ANGELES, Resolution.DAY, "2026-02-15", "2026-11-15");
    }

    /** "rolled up", "stale" or "none": the state of a meter's month row. */
    private String monthRow(MeterId meter, Channel channel, String month) {
        return jdbc.sql("SELECT CASE WHEN stale THEN 'stale' ELSE 'rolled up' END FROM interval_months"
                        + " WHERE meter_id = ? AND channel = ? AND month = ?::date")
                .params(meter.value(), channel.code(), month)
                .query(String.class)
                .optional()
                .orElse("none");
    }

    @Test
    void rolledUpMonthsKeepLocalDaysOnlyWhereTheZonesMidnightsFallOnWholeHours() {
        rollups.rollUp(Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(dayZones(MeterId.of("MG-HOURS-LA"))).containsOnly("America/Los_Angeles");
        assertThat(dayZones(MeterId.of("MG-HOURS-IN")))
                .as("Kolkata's midnight is at 18:30 UTC: its hours are read instead")
                .containsOnlyNulls()
                .isNotEmpty();
        assertLocalDaysMatchReadings(MeterId.of("MG-HOURS-LA"), LOS_ANGELES);
        // Asked in another zone, the same rows answer with their hours, and the sums still hold.
        assertLocalDaysMatchReadings(MeterId.of("MG-HOURS-LA"), ZoneId.of("America/New_York"));
    }

    /** The zones of a meter's rolled-up month rows' local days. */
    private List<String> dayZones(MeterId meter) {
        return jdbc.sql("SELECT day_zone FROM interval_months WHERE meter_id = ? AND NOT stale")
                .param(meter.value())
                .query((rs, n) -> rs.getString(1))
                .list();
    }

    /**
     * The store's sums per local day of {@code zone} (local days of month rows kept in that zone, hours of the
     * others), added into the days of 2026-02-01..2026-12-01, against the readings added one by one.
     */
    private void assertLocalDaysMatchReadings(MeterId meter, ZoneId zone) {
        UsagePeriod period =
                new UsagePeriod(zone, LocalDate.parse("2026-02-01"), LocalDate.parse("2026-12-01"), Resolution.DAY);
        long from = period.from().getEpochSecond();
        long to = period.to().getEpochSecond();
        int[] localDayRows = {0};
        for (Channel channel : CHANNELS) {
            UsageSeries actual = new UsageSeries(period);
            store.readHours(
                    meter,
                    List.of(channel),
                    LocalDate.ofInstant(period.from(), java.time.ZoneOffset.UTC),
                    LocalDate.ofInstant(period.to().minusSeconds(1), java.time.ZoneOffset.UTC),
                    zone,
                    (c, day, hours, sums, counts, estimated) -> {
                        long start = day.toEpochDay() * 86_400L;
                        for (int h = 0; h < hours; h++) {
                            long at = start + 3600L * h;
                            if (counts[h] > 0 && at >= from && at < to) {
                                actual.add(at, sums[h], counts[h], estimated[h]);
                            }
                        }
                    },
                    (c, days, starts, sums, counts, estimated) -> {
                        localDayRows[0]++;
                        for (int d = 0; d < days; d++) {
                            if (counts[d] > 0 && starts[d] >= from && starts[d] < to) {
                                actual.add(starts[d], sums[d], counts[d], estimated[d]);
                            }
                        }
                    });
            UsageSeries expected = UsageExpectations.expected(
                    period,
                    store.read(meter, channel, new TimeRange(period.from(), period.to())),
                    new TimeRange(INSTALLED, period.to()));
            assertThat(expected.total()).isPositive();
            UsageExpectations.assertSameBuckets(actual, expected, meter + " " + channel + " in local days of " + zone);
        }
        boolean kept = dayZones(meter).contains(zone.getId());
        assertThat(localDayRows[0])
                .as("month rows read as local days of %s", zone)
                .matches(n -> kept == (n > 0));
    }

    @Test
    void dashboardFromHoursEqualsTheReadingsBucketedAcrossDaylightSaving() {
        for (Resolution resolution : List.of(Resolution.HOUR, Resolution.DAY, Resolution.MONTH)) {
            assertDashboardMatchesReadings("LA", LOS_ANGELES, resolution, "2026-03-01", "2026-04-01");
            assertDashboardMatchesReadings("LA", LOS_ANGELES, resolution, "2026-10-25", "2026-11-08");
        }
        assertDashboardMatchesReadings("LA", LOS_ANGELES, Resolution.MONTH, "2026-02-01", "2026-12-01");
        assertDashboardMatchesReadings("LA", LOS_ANGELES, Resolution.DAY, "2026-02-15", "2026-11-15");
    }

    @Test
    void aZoneWithHalfHourOffsetsReadsTheReadingsAndStaysExact() {
        for (Resolution resolution : List.of(Resolution.HOUR, Resolution.DAY, Resolution.MONTH)) {
            assertDashboardMatchesReadings("IN", KOLKATA, resolution, "2026-03-01", "2026-04-01");
        }
    }

    private void assertHoursMatchDays(MeterId meter) {
        assertHoursMatchDays(meter, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"));
        // Days before and after the whole months (read in one statement with them).
        assertHoursMatchDays(meter, LocalDate.parse("2026-02-15"), LocalDate.parse("2026-11-10"));
    }

    private void assertHoursMatchDays(MeterId meter, LocalDate first, LocalDate last) {
        int checked = 0;
        for (Channel channel : CHANNELS) {
            List<IntervalDay> days = store.days(meter, channel, first, last, false);
            List<long[]> hours = new ArrayList<>();
            store.readHours(meter, List.of(channel), first, last, (c, day, n, sums, counts, estimated) -> {
                // A month row (rolled up) holds its days one after another; a day without data has only zeros.
                for (int d = 0; d < n / 24; d++) {
                    long[] row = new long[1 + 72];
                    row[0] = day.toEpochDay() + d;
                    boolean any = false;
                    for (int h = 0; h < 24; h++) {
                        row[1 + h] = sums[24 * d + h];
                        row[25 + h] = counts[24 * d + h];
                        row[49 + h] = estimated[24 * d + h];
                        any |= counts[24 * d + h] > 0;
                    }
                    if (any || n == 24) {
                        hours.add(row);
                    }
                }
            });
            hours.sort(java.util.Comparator.comparingLong(row -> row[0])); // read in no particular order
            assertThat(hours).as("an hour row per day row of %s", channel).hasSameSizeAs(days);
            for (int i = 0; i < days.size(); i++) {
                IntervalDay day = days.get(i);
                long[] row = hours.get(i);
                assertThat(row[0]).isEqualTo(day.day().toEpochDay());
                for (int h = 0; h < 24; h++) {
                    long sum = 0;
                    int count = 0;
                    int estimated = 0;
                    for (int slot = 4 * h; slot < 4 * h + 4; slot++) {
                        if (day.isFilled(slot)) {
                            sum += day.value(slot);
                            count++;
                            estimated += day.quality(slot).isEstimate() ? 1 : 0;
                        }
                    }
                    assertThat(new long[] {row[1 + h], row[25 + h], row[49 + h]})
                            .as("%s %s %s hour %d", meter, channel, day.day(), h)
                            .containsExactly(sum, count, estimated);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(24 * 60);
    }

    /** The dashboard's buckets against the stored readings added one by one into the same buckets. */
    private void assertDashboardMatchesReadings(
            String name, ZoneId zone, Resolution resolution, String from, String to) {
        String account = "ACC-HOURS-" + name;
        MeterId meter = MeterId.of("MG-HOURS-" + name);
        AccountUsage usage =
                dashboard.usage(customer(account), account, LocalDate.parse(from), LocalDate.parse(to), resolution, "");
        UsagePeriod period = new UsagePeriod(zone, LocalDate.parse(from), LocalDate.parse(to), resolution);
        for (Channel channel : CHANNELS) {
            UsageSeries expected = UsageExpectations.expected(
                    period,
                    store.read(meter, channel, new TimeRange(period.from(), period.to())),
                    new TimeRange(INSTALLED, period.to()));
            UsageSeries actual = channel == Channel.ACTIVE_ENERGY_IMPORT ? usage.imported() : usage.exported();
            String what = name + " " + channel + " " + resolution + " " + from + ".." + to;
            assertThat(expected.total()).as(what).isPositive();
            UsageExpectations.assertSameBuckets(actual, expected, what);
        }
    }

    private static Authentication customer(String accountId) {
        return SignedInCustomers.of(accountId);
    }
}
