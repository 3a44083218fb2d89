package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.TimeRange;
import org.meterguard.server.accounts.AccountClass;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.accounts.Contact;
import org.meterguard.server.accounts.Occupancy;
import org.meterguard.server.accounts.Placement;
import org.meterguard.server.accounts.Placements;
import org.meterguard.server.accounts.ServicePoint;
import org.meterguard.server.accounts.ServicePoints;
import org.meterguard.server.readings.ReadingStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The meter placement projection (V19) on real PostgreSQL follows every change to what it is made of — move-in,
 * move-out, meter installation and replacement, a new service point, an account's class, a feeder renamed, rows
 * deleted — whether through the services or in plain SQL, also when two changes race, and always equals the
 * four-table join it replaces; and the placed day rows give each day to the account that occupied the premises at
 * its start.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"meterguard.headend.port=0", "meterguard.demo.enabled=false"})
class MeterPlacementsIT {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant MOVE = Instant.parse("2026-03-10T00:00:00Z");
    private static final Instant REPLACED = Instant.parse("2026-03-20T12:00:00Z");
    private static final TimeRange ALL = new TimeRange(Instant.parse("2000-01-01T00:00:00Z"), Occupancy.OPEN_END);

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-placements").toString();
        registry.add("meterguard.data-dir", () -> directory);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    ServicePoints points;

    @Autowired
    Placements placements;

    @Autowired
    ReadingStore store;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void followsMoveInMoveOutAndAMeterReplacement() {
        meter("MG-PL-1");
        meter("MG-PL-2");
        points.create(new ServicePoint("SP-PL-1", "F-PL-1", "Z-PL", 120));
        open("ACC-PL-A", AccountClass.RESIDENTIAL);
        open("ACC-PL-B", AccountClass.RESIDENTIAL);
        points.install(MeterId.of("MG-PL-1"), "SP-PL-1", T0);
        assertThat(placementsOf("MG-PL-1")).isEmpty();

        accounts.moveIn("ACC-PL-A", "SP-PL-1", T0);
        assertThat(placementsOf("MG-PL-1"))
                .containsExactly(new Placement(
                        "MG-PL-1", "ACC-PL-A", "F-PL-1", "Z-PL", AccountClass.RESIDENTIAL, T0, Occupancy.OPEN_END));

        accounts.moveOut("ACC-PL-A", "SP-PL-1", MOVE);
        accounts.moveIn("ACC-PL-B", "SP-PL-1", MOVE);
        assertThat(placementsOf("MG-PL-1"))
                .containsExactly(
                        new Placement("MG-PL-1", "ACC-PL-A", "F-PL-1", "Z-PL", AccountClass.RESIDENTIAL, T0, MOVE),
                        new Placement(
                                "MG-PL-1",
                                "ACC-PL-B",
                                "F-PL-1",
                                "Z-PL",
                                AccountClass.RESIDENTIAL,
                                MOVE,
                                Occupancy.OPEN_END));

        points.remove(MeterId.of("MG-PL-1"), REPLACED);
        points.install(MeterId.of("MG-PL-2"), "SP-PL-1", REPLACED);
        assertThat(placementsOf("MG-PL-1"))
                .extracting(Placement::accountId, Placement::to)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ACC-PL-A", MOVE),
                        org.assertj.core.groups.Tuple.tuple("ACC-PL-B", REPLACED));
        assertThat(placementsOf("MG-PL-2"))
                .containsExactly(new Placement(
                        "MG-PL-2",
                        "ACC-PL-B",
                        "F-PL-1",
                        "Z-PL",
                        AccountClass.RESIDENTIAL,
                        REPLACED,
                        Occupancy.OPEN_END));
        assertEqualsTheJoin();
    }

    @Test
    void followsANewServicePointAClassChangeAFeederRenamedAndDeletionsInPlainSql() {
        meter("MG-PL-3");
        meter("MG-PL-4");
        open("ACC-PL-C", AccountClass.RESIDENTIAL);
        points.create(new ServicePoint("SP-PL-3", "F-PL-3", "Z-PL", 120));
        points.create(new ServicePoint("SP-PL-4", "F-PL-3", "Z-PL", 240));
        points.install(MeterId.of("MG-PL-3"), "SP-PL-3", T0);
        accounts.moveIn("ACC-PL-C", "SP-PL-3", T0);
        // A second premises for the same account: a new service point with its own meter.
        points.install(MeterId.of("MG-PL-4"), "SP-PL-4", MOVE);
        accounts.moveIn("ACC-PL-C", "SP-PL-4", MOVE);
        assertThat(placementsOf("MG-PL-4")).singleElement().satisfies(p -> assertThat(p.from())
                .isEqualTo(MOVE));

        jdbc.sql("UPDATE customer_account SET account_class = 'COMMERCIAL' WHERE account_id = 'ACC-PL-C'")
                .update();
        assertThat(placementsOf("MG-PL-3"))
                .extracting(Placement::accountClass)
                .containsExactly(AccountClass.COMMERCIAL);
        assertThat(placementsOf("MG-PL-4"))
                .extracting(Placement::accountClass)
                .containsExactly(AccountClass.COMMERCIAL);

        jdbc.sql("UPDATE service_point SET feeder = 'F-PL-3b', zone = 'Z-PL-b' WHERE service_point_id = 'SP-PL-4'")
                .update();
        assertThat(placementsOf("MG-PL-4"))
                .extracting(Placement::feeder, Placement::zone)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("F-PL-3b", "Z-PL-b"));
        assertThat(placementsOf("MG-PL-3")).extracting(Placement::feeder).containsExactly("F-PL-3");

        // Closing an account changes no placement; deleting the occupancy or the installation removes them.
        accounts.close("ACC-PL-C", REPLACED);
        assertThat(placementsOf("MG-PL-3")).hasSize(1);
        jdbc.sql("DELETE FROM occupancy WHERE service_point_id = 'SP-PL-4'").update();
        assertThat(placementsOf("MG-PL-4")).isEmpty();
        jdbc.sql("DELETE FROM meter_installation WHERE meter_id = 'MG-PL-3'").update();
        assertThat(placementsOf("MG-PL-3")).isEmpty();
        assertEqualsTheJoin();
    }

    @Test
    void placedDayRowsGoToTheAccountThatOccupiedThePremisesAtTheDaysStart() {
        meter("MG-PL-5");
        points.create(new ServicePoint("SP-PL-5", "F-PL-5", "Z-PL-5", 120));
        open("ACC-PL-D", AccountClass.RESIDENTIAL);
        open("ACC-PL-E", AccountClass.COMMERCIAL);
        Instant day1 = Instant.parse("2026-04-01T00:00:00Z");
        Instant day2 = Instant.parse("2026-04-02T00:00:00Z");
        points.install(MeterId.of("MG-PL-5"), "SP-PL-5", day1);
        accounts.moveIn("ACC-PL-D", "SP-PL-5", day1);
        accounts.moveOut("ACC-PL-D", "SP-PL-5", day2);
        accounts.moveIn("ACC-PL-E", "SP-PL-5", day2.plusSeconds(86_400));
        List<IntervalReading> readings = new ArrayList<>();
        for (int i = 0; i < 4 * 96; i++) {
            readings.add(new IntervalReading(day1.plusSeconds(900L * i), 10, ReadingQuality.RAW));
        }
        store.merge(MeterId.of("MG-PL-5"), Channel.ACTIVE_ENERGY_IMPORT, IntervalGrid.QUARTER_HOURLY, readings);

        List<String> rows = new ArrayList<>();
        long streamed = placements.streamPlacedDays(
                Channel.ACTIVE_ENERGY_IMPORT,
                LocalDate.parse("2026-04-01"),
                LocalDate.parse("2026-04-04"),
                Placements.Area.ZONE,
                "MG-PL-5",
                "MG-PL-6",
                (account, area, accountClass, day, values) ->
                        rows.add(day + " " + account + " " + area + " " + accountClass + " " + values[0]));

        assertThat(streamed).isEqualTo(4);
        assertThat(rows)
                .containsExactly(
                        "2026-04-01 ACC-PL-D Z-PL-5 RESIDENTIAL 10",
                        "2026-04-02 null null null 10",
                        "2026-04-03 ACC-PL-E Z-PL-5 COMMERCIAL 10",
                        "2026-04-04 ACC-PL-E Z-PL-5 COMMERCIAL 10");

        // Hand-made overlapping occupancy (the services refuse it): the day is still handed over once, to the
        // placement that started first.
        jdbc.sql("INSERT INTO occupancy (account_id, service_point_id, move_in)"
                        + " VALUES ('ACC-PL-D', 'SP-PL-5', '2026-04-03T06:00:00Z')")
                .update();
        rows.clear();
        assertThat(placements.streamPlacedDays(
                        Channel.ACTIVE_ENERGY_IMPORT,
                        LocalDate.parse("2026-04-04"),
                        LocalDate.parse("2026-04-04"),
                        Placements.Area.FEEDER,
                        null,
                        null,
                        (account, area, accountClass, day, values) -> rows.add(day + " " + account + " " + area)))
                .isEqualTo(1);
        assertThat(rows).containsExactly("2026-04-04 ACC-PL-E F-PL-5");
        assertEqualsTheJoin();
    }

    @Test
    void aChangeRacingAnotherInPlainSqlRecomputesAfterItCommits() throws Exception {
        meter("MG-PL-7");
        points.create(new ServicePoint("SP-PL-7", "F-PL-7", "Z-PL", 120));
        open("ACC-PL-F", AccountClass.RESIDENTIAL);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        CountDownLatch installed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> install = pool.submit(() -> transaction.executeWithoutResult(status -> {
                jdbc.sql("INSERT INTO meter_installation (meter_id, service_point_id, installed_at)"
                                + " VALUES ('MG-PL-7', 'SP-PL-7', ?)")
                        .param(Timestamp.from(T0))
                        .update();
                installed.countDown();
                await(commit);
            }));
            assertThat(installed.await(30, TimeUnit.SECONDS)).isTrue();
            // Uncommitted, the installation is invisible to the move-in: without the lock, the move-in would find no
            // meter at the point and the installation no occupant, and neither would place the meter.
            Future<?> moveIn = pool.submit(() -> transaction.executeWithoutResult(status -> jdbc.sql(
                            "INSERT INTO occupancy (account_id, service_point_id, move_in) VALUES ('ACC-PL-F', 'SP-PL-7', ?)")
                    .param(Timestamp.from(T0))
                    .update()));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (count("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") == 0) {
                assertThat(System.nanoTime())
                        .as("the move-in waits for the installation's lock")
                        .isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(moveIn.isDone()).isFalse();
            commit.countDown();
            install.get(30, TimeUnit.SECONDS);
            moveIn.get(30, TimeUnit.SECONDS);
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
        assertThat(placementsOf("MG-PL-7")).extracting(Placement::accountId).containsExactly("ACC-PL-F");
        assertEqualsTheJoin();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The projection holds exactly the rows of the join it replaces (V19's definition), no more, no fewer. */
    private void assertEqualsTheJoin() {
        String join = """
                SELECT i.meter_id,
                       extract(epoch FROM greatest(o.move_in, i.installed_at))::bigint,
                       extract(epoch FROM least(coalesce(o.move_out, '9999-12-31 00:00:00+00'),
                                                coalesce(i.removed_at, '9999-12-31 00:00:00+00')))::bigint,
                       o.account_id, i.service_point_id, p.feeder, p.zone, a.account_class
                  FROM meter_installation i
                  JOIN service_point p ON p.service_point_id = i.service_point_id
                  JOIN occupancy o ON o.service_point_id = i.service_point_id
                                  AND o.move_in < coalesce(i.removed_at, '9999-12-31 00:00:00+00')
                                  AND coalesce(o.move_out, '9999-12-31 00:00:00+00') > i.installed_at
                  JOIN customer_account a ON a.account_id = o.account_id""";
        String projection = "SELECT meter_id, from_s, to_s, account_id, service_point_id, feeder, zone, account_class"
                + " FROM meter_placement";
        assertThat(count("(" + join + ") EXCEPT ALL (" + projection + ")")).isZero();
        assertThat(count("(" + projection + ") EXCEPT ALL (" + join + ")")).isZero();
    }

    private long count(String query) {
        return jdbc.sql("SELECT count(*) FROM (" + query + ") difference")
                .query(Long.class)
                .single();
    }

    private List<Placement> placementsOf(String meter) {
        List<Placement> found = new ArrayList<>();
        placements.stream(ALL, p -> {
            if (p.meterId().equals(meter)) {
                found.add(p);
            }
        });
        return found;
    }

    private void meter(String meter) {
        jdbc.sql("INSERT INTO meter (meter_id, system_title, model) VALUES (?, ?, 'MG-SIM-R1')")
                .params(meter, (long) meter.hashCode() & 0xFFFF_FFFFL)
                .update();
    }

    private void open(String account, AccountClass accountClass) {
        accounts.open(account, accountClass, new Contact("Customer", "Somewhere", null, null), T0);
    }
}
