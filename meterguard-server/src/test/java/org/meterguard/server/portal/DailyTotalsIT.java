package org.meterguard.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
import org.meterguard.server.SignedInCustomers;
import org.meterguard.server.UsageExpectations;
import org.meterguard.server.accounts.AccountClass;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.accounts.Contact;
import org.meterguard.server.accounts.ServicePoint;
import org.meterguard.server.accounts.ServicePoints;
import org.meterguard.server.readings.DaysChanged;
import org.meterguard.server.readings.IntervalDay;
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
 * The dashboard's daily and monthly views from the kept daily totals, against the store's readings added one by one:
 * exact on the first view and on later ones, for an occupancy that begins and ends in the middle of a local day (in
 * Los Angeles, and in Kolkata at +05:30, where the totals come from the values), and current again after late
 * readings, an actual read replacing an estimate, an edit, and retention.
 */
@SpringBootTest(properties = {"meterguard.headend.port=0", "meterguard.demo.enabled=false"})
class DailyTotalsIT {
    private static final List<Channel> CHANNELS = List.of(Channel.ACTIVE_ENERGY_IMPORT, Channel.ACTIVE_ENERGY_EXPORT);
    private static final Instant INSTALLED = Instant.parse("2025-06-01T00:00:00Z");
    private static final Instant DATA_FROM = Instant.parse("2025-12-01T00:00:00Z");
    private static final Instant DATA_TO = Instant.parse("2026-12-01T00:00:00Z");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-daily-totals").toString();
        registry.add("meterguard.data-dir", () -> directory);
    }

    @Autowired
    UsageDashboard dashboard;

    @Autowired
    DailyTotals totals;

    @Autowired
    Accounts accounts;

    @Autowired
    ServicePoints points;

    @Autowired
    ReadingStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry metrics;

    @BeforeEach
    void metersWithTwoOccupantsEach() {
        if (accounts.exists("ACC-TOTALS-LA-NEW")) {
            return;
        }
        // 14:30 in Los Angeles (PST) and 14:45 in Kolkata: each move falls inside a local day.
        meter("LA", ZoneId.of("America/Los_Angeles"), Instant.parse("2026-02-10T22:30:00Z"), 1);
        meter("IN", ZoneId.of("Asia/Kolkata"), Instant.parse("2026-02-10T09:15:00Z"), 2);
    }

    private void meter(String name, ZoneId zone, Instant move, int seed) {
        MeterId meter = meter(name);
        jdbc.sql("INSERT INTO meter (meter_id, system_title, model, time_zone) VALUES (?, ?, 'MG-SIM-R1', ?)")
                .params(meter.value(), 9100 + seed, zone.getId())
                .update();
        points.create(new ServicePoint("SP-TOTALS-" + name, "F-1", "NORTH", 240));
        points.install(meter, "SP-TOTALS-" + name, INSTALLED);
        Contact contact = new Contact("Occupant", "1 Main St", null, null);
        accounts.open(account(name, "OLD"), AccountClass.RESIDENTIAL, contact, INSTALLED);
        accounts.open(account(name, "NEW"), AccountClass.RESIDENTIAL, contact, move);
        accounts.moveIn(account(name, "OLD"), "SP-TOTALS-" + name, INSTALLED);
        accounts.moveOut(account(name, "OLD"), "SP-TOTALS-" + name, move);
        accounts.moveIn(account(name, "NEW"), "SP-TOTALS-" + name, move);
        SplittableRandom random = new SplittableRandom(seed);
        for (Channel channel : CHANNELS) {
            List<IntervalReading> readings = new ArrayList<>();
            for (Instant t = DATA_FROM; t.isBefore(DATA_TO); t = t.plusSeconds(900)) {
                int draw = random.nextInt(100);
                if (draw < 3) {
                    continue; // a gap
                }
                ReadingQuality quality = draw < 8 ? ReadingQuality.ESTIMATED_LINEAR : ReadingQuality.VALID;
                readings.add(new IntervalReading(t, random.nextInt(2_000), quality));
            }
            store.merge(meter, channel, IntervalGrid.QUARTER_HOURLY, readings);
        }
    }

    @Test
    void firstAndLaterViewsEqualTheReadingsOneByOneAcrossAMoveInsideADay() {
        for (String name : List.of("LA", "IN")) {
            for (String occupant : List.of("OLD", "NEW")) {
                for (Resolution resolution : List.of(Resolution.DAY, Resolution.MONTH)) {
                    assertViewMatchesReadings(name, occupant, resolution, "2026-01-01", "2026-12-01");
                    assertViewMatchesReadings(name, occupant, resolution, "2026-01-01", "2026-12-01");
                    assertViewMatchesReadings(name, occupant, resolution, "2026-02-09", "2026-02-12");
                }
            }
        }
        assertThat(totals.size()).as("months kept").isPositive();
        assertThat(metrics.get("cache.gets")
                        .tag("cache", "portal.daily-totals")
                        .tag("result", "hit")
                        .functionCounter()
                        .count())
                .as("hits counted for operators")
                .isPositive();
    }

    @Test
    void lateReadingsAnActualReadAndAnEditShowOnTheNextView() {
        for (String name : List.of("LA", "IN")) {
            lateReadingsAnActualReadAndAnEdit(name);
        }
    }

    /** Only the written days are read again, in a zone of whole hours (hourly sums) and of half hours (values). */
    private void lateReadingsAnActualReadAndAnEdit(String name) {
        MeterId meter = meter(name);
        assertViewMatchesReadings(name, "NEW", Resolution.DAY, "2026-03-01", "2026-04-01");
        long keptBefore = totals.size();
        assertThat(keptBefore).isPositive();
        long marchBefore = view(name, "NEW", Resolution.MONTH, "2026-03-01", "2026-04-01")
                .imported()
                .total();

        // Every quarter-hour of March 15 (UTC) read again as 5,000 Wh actual reads: gaps filled, estimates replaced.
        List<IntervalReading> late = new ArrayList<>();
        for (Instant t = Instant.parse("2026-03-15T00:00:00Z");
                t.isBefore(Instant.parse("2026-03-16T00:00:00Z"));
                t = t.plusSeconds(900)) {
            late.add(new IntervalReading(t, 5_000, ReadingQuality.VALID));
        }
        store.merge(meter, Channel.ACTIVE_ENERGY_IMPORT, IntervalGrid.QUARTER_HOURLY, late);
        assertViewMatchesReadings(name, "NEW", Resolution.DAY, "2026-03-01", "2026-04-01");
        assertThat(view(name, "NEW", Resolution.MONTH, "2026-03-01", "2026-04-01")
                        .imported()
                        .total())
                .isGreaterThan(marchBefore);

        // An edit of March 20 (UTC), as validation and editing write it.
        transactions.executeWithoutResult(status -> {
            List<IntervalDay> days = store.days(
                    meter,
                    Channel.ACTIVE_ENERGY_EXPORT,
                    LocalDate.parse("2026-03-20"),
                    LocalDate.parse("2026-03-20"),
                    true);
            IntervalDay day = days.get(0);
            day.replace(50, 777_777, ReadingQuality.EDITED);
            store.replace(
                    days,
                    List.of(new Revision(
                            meter,
                            Channel.ACTIVE_ENERGY_EXPORT,
                            day.startOf(50),
                            null,
                            null,
                            777_777,
                            (short) ReadingQuality.EDITED.espiCode(),
                            "steward",
                            "test edit")));
        });
        assertViewMatchesReadings(name, "NEW", Resolution.DAY, "2026-03-01", "2026-04-01");
        assertThat(view(name, "NEW", Resolution.DAY, "2026-03-01", "2026-04-01")
                        .exported()
                        .values()[19])
                .isGreaterThanOrEqualTo(777_777);
    }

    @Test
    void retentionRemovingRowsDropsEverythingKept() {
        view("IN", "NEW", Resolution.DAY, "2026-05-01", "2026-06-01");
        assertThat(totals.size()).isPositive();

        events.publishEvent(DaysChanged.everything());

        assertThat(totals.size()).isZero();
        assertViewMatchesReadings("IN", "NEW", Resolution.DAY, "2026-05-01", "2026-06-01");
    }

    /** The view's buckets against the stored readings of the occupancy added one by one into the same buckets. */
    private void assertViewMatchesReadings(
            String name, String occupant, Resolution resolution, String from, String to) {
        MeterId meter = meter(name);
        ZoneId zone = dashboard.zoneOf(account(name, occupant));
        AccountUsage usage = view(name, occupant, resolution, from, to);
        UsagePeriod period = new UsagePeriod(zone, LocalDate.parse(from), LocalDate.parse(to), resolution);
        TimeRange occupancy =
                accounts.meteredPeriods(account(name, occupant)).get(0).period();
        for (Channel channel : CHANNELS) {
            List<IntervalReading> readings =
                    store.read(meter, channel, new TimeRange(period.previous().from(), period.to()));
            UsageSeries expected = UsageExpectations.expected(period, readings, occupancy);
            UsageSeries expectedBefore = UsageExpectations.expected(period.previous(), readings, occupancy);
            boolean imported = channel == Channel.ACTIVE_ENERGY_IMPORT;
            String what = name + " " + occupant + " " + channel + " " + resolution + " " + from + ".." + to;
            UsageExpectations.assertSameBuckets(imported ? usage.imported() : usage.exported(), expected, what);
            UsageExpectations.assertSameBuckets(
                    imported ? usage.previousImported() : usage.previousExported(), expectedBefore, what);
            assertThat(expected.total() + expectedBefore.total()).as(what).isPositive();
        }
    }

    private AccountUsage view(String name, String occupant, Resolution resolution, String from, String to) {
        String account = account(name, occupant);
        return dashboard.usage(customer(account), account, LocalDate.parse(from), LocalDate.parse(to), resolution, "");
    }

    private static MeterId meter(String name) {
        return MeterId.of("MG-TOTALS-" + name);
    }

    private static String account(String name, String occupant) {
        return "ACC-TOTALS-" + name + "-" + occupant;
    }

    private static Authentication customer(String accountId) {
        return SignedInCustomers.of(accountId);
    }
}
