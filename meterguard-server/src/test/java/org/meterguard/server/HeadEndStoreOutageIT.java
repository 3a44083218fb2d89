package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.meterguard.core.MeterId;
import org.meterguard.dlms.CipheringKeys;
import org.meterguard.dlms.InvocationCounter;
import org.meterguard.dlms.PushAcknowledgement;
import org.meterguard.dlms.SystemTitle;
import org.meterguard.dlms.WrapperDescriptor;
import org.meterguard.server.headend.HeadEnd;
import org.meterguard.server.headend.MeterModels;
import org.meterguard.server.meters.MeterRegistry.NewMeter;
import org.meterguard.simulator.LoadShape;
import org.meterguard.simulator.PushBuilder;
import org.meterguard.simulator.SimulatedMeter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the head-end accepted is never lost and never stored twice, even while the store fails under it. A
 * collector streams many meters' frames without waiting; meanwhile every database connection the server holds is
 * killed again and again, or the readings table is locked so nothing can be written. The head-end holds its
 * acknowledgements and stops reading instead of dropping; afterwards every frame has been acknowledged as stored
 * and is stored exactly once.
 */
@SpringBootTest(
        properties = {
            "meterguard.headend.port=0",
            // The frames' own end-to-end security is under test here, over plain TCP; TLS in CollectorTlsIT.
            "meterguard.headend.tls.enabled=false",
            "meterguard.headend.batch-size=16",
            "meterguard.headend.window=64",
            "meterguard.demo.enabled=false",
            "meterguard.database.embedded.durable=false"
        })
class HeadEndStoreOutageIT {
    private static final Instant FIRST_DAY = Instant.parse("2026-06-01T00:00:00Z");
    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final PushBuilder BUILDER =
            new PushBuilder(new LoadShape(ZoneId.of("America/Los_Angeles"), Duration.ofMinutes(15)));

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        Path directory = Files.createTempDirectory("meterguard-outage");
        registry.add("meterguard.data-dir", directory::toString);
    }

    @Autowired
    org.meterguard.server.meters.MeterRegistry meters;

    @Autowired
    HeadEnd headEnd;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    MeterRegistry metrics;

    @Test
    void storesEveryFrameExactlyOnceWhileTheStoreConnectionsAreKilledMidStream() throws Exception {
        Fleet fleet = fleet("KILL", 150, 4);
        double failuresBefore = storeFailures();
        AtomicBoolean streaming = new AtomicBoolean(true);
        ExecutorService killer = Executors.newSingleThreadExecutor();
        Future<Integer> kills = killer.submit(() -> killStoreConnectionsWhile(streaming));

        Map<PushAcknowledgement.Status, Integer> answers = stream(fleet.frames);
        streaming.set(false);
        killer.shutdown();

        assertThat(kills.get(10, TimeUnit.SECONDS))
                .as("store connections killed")
                .isPositive();
        assertThat(storeFailures() - failuresBefore)
                .as("batches that failed and were retried")
                .isPositive();
        assertThat(answers.getOrDefault(PushAcknowledgement.Status.REJECTED, 0)).isZero();
        assertThat(answers.getOrDefault(PushAcknowledgement.Status.ACCEPTED, 0)
                        + answers.getOrDefault(PushAcknowledgement.Status.DUPLICATE, 0))
                .isEqualTo(fleet.frames.size());
        assertStoredExactlyOnce(fleet);
    }

    @Test
    void holdsAcknowledgementsAndStopsReadingWhileTheStoreCannotWrite() throws Exception {
        Fleet fleet = fleet("LOCK", 100, 3);
        double pausesBefore =
                metrics.counter("meterguard.headend.backpressure.pauses").count();
        try (Connection blocker = postgres.getPostgresDatabase().getConnection();
                Socket socket = connect()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("LOCK TABLE received_frame IN ACCESS EXCLUSIVE MODE");
            }
            AtomicInteger sent = new AtomicInteger();
            Thread sender = new Thread(() -> send(socket, fleet.frames, sent));
            sender.start();
            Thread.sleep(3_000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            assertThat(in.available())
                    .as("no acknowledgement while nothing can be stored")
                    .isZero();
            assertThat(metrics.counter("meterguard.headend.backpressure.pauses").count() - pausesBefore)
                    .as("the connection stopped reading")
                    .isPositive();

            blocker.rollback();
            Map<PushAcknowledgement.Status, Integer> answers = readAnswers(in, fleet.frames.size());
            sender.join(30_000);
            assertThat(sent.get()).isEqualTo(fleet.frames.size());
            assertThat(answers).containsOnlyKeys(PushAcknowledgement.Status.ACCEPTED);
        }
        assertStoredExactlyOnce(fleet);
    }

    /** Meters with {@code days} consecutive daily frames each, interleaved day by day. */
    private Fleet fleet(String tag, int size, int days) {
        List<SimulatedMeter> fleetMeters = new ArrayList<>();
        List<NewMeter> registrations = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < size; i++) {
            int serial = SERIAL.incrementAndGet();
            SimulatedMeter meter = new SimulatedMeter(
                    "MG-" + tag + "-" + serial,
                    new SystemTitle(0x4D4754_00000000L | (tag.hashCode() & 0xFF) << 24 | serial),
                    CipheringKeys.generate(random));
            fleetMeters.add(meter);
            registrations.add(new NewMeter(
                    MeterId.of(meter.meterId()), meter.systemTitle(), MeterModels.SIMULATED_RESIDENTIAL, meter.keys()));
        }
        meters.registerAll(registrations);
        List<byte[]> frames = new ArrayList<>();
        long expectedSum = 0;
        for (int day = 0; day < days; day++) {
            Instant start = FIRST_DAY.plus(Duration.ofDays(day));
            List<Instant> starts = new ArrayList<>();
            for (int slot = 0; slot < 96; slot++) {
                starts.add(start.plus(Duration.ofMinutes(15L * slot)));
            }
            for (SimulatedMeter meter : fleetMeters) {
                frames.add(PushBuilder.frame(meter, new InvocationCounter(day + 1), BUILDER.profile(meter, starts)));
                for (Instant s : starts) {
                    expectedSum +=
                            new LoadShape(ZoneId.of("America/Los_Angeles"), Duration.ofMinutes(15)).importWh(meter, s);
                }
            }
        }
        return new Fleet(fleetMeters, days, frames, expectedSum);
    }

    private record Fleet(List<SimulatedMeter> meters, int days, List<byte[]> frames, long expectedImportSum) {
        Long[] titles() {
            return meters.stream().map(m -> m.systemTitle().value()).toArray(Long[]::new);
        }

        String[] ids() {
            return meters.stream().map(SimulatedMeter::meterId).toArray(String[]::new);
        }
    }

    private Map<PushAcknowledgement.Status, Integer> stream(List<byte[]> frames) throws Exception {
        try (Socket socket = connect()) {
            AtomicInteger sent = new AtomicInteger();
            Thread sender = new Thread(() -> send(socket, frames, sent));
            sender.start();
            Map<PushAcknowledgement.Status, Integer> answers =
                    readAnswers(new DataInputStream(socket.getInputStream()), frames.size());
            sender.join(30_000);
            return answers;
        }
    }

    private static void send(Socket socket, List<byte[]> frames, AtomicInteger sent) {
        try {
            OutputStream out = socket.getOutputStream();
            for (byte[] frame : frames) {
                out.write(frame);
                sent.incrementAndGet();
            }
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("the head-end closed the connection after " + sent.get() + " frames", e);
        }
    }

    private static Map<PushAcknowledgement.Status, Integer> readAnswers(DataInputStream in, int count)
            throws IOException {
        Map<PushAcknowledgement.Status, Integer> answers = new EnumMap<>(PushAcknowledgement.Status.class);
        for (int i = 0; i < count; i++) {
            byte[] header = new byte[WrapperDescriptor.HEADER_LENGTH];
            in.readFully(header);
            byte[] payload = new byte[((header[6] & 0xFF) << 8) | (header[7] & 0xFF)];
            in.readFully(payload);
            answers.merge(PushAcknowledgement.decode(payload).status(), 1, Integer::sum);
        }
        return answers;
    }

    private int killStoreConnectionsWhile(AtomicBoolean streaming) throws Exception {
        int killed = 0;
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (streaming.get() && System.nanoTime() < deadline && killed < 40) {
                try (ResultSet rs = statement.executeQuery("""
                        SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                         WHERE datname = current_database() AND pid <> pg_backend_pid()
                           AND backend_type = 'client backend'""")) {
                    rs.next();
                    killed += rs.getInt(1);
                }
                Thread.sleep(40);
            }
        }
        return killed;
    }

    private void assertStoredExactlyOnce(Fleet fleet) {
        assertThat(storedFrames(fleet)).isEqualTo(fleet.frames.size());
        Map<String, Object> days = jdbc.sql("""
                        SELECT count(*) AS rows,
                               sum((SELECT count(v) FROM unnest(mg_unpack(vals)) v)) AS slots,
                               sum((SELECT sum(v) FROM unnest(mg_unpack(vals)) v)) FILTER (WHERE channel = 1) AS import_sum
                          FROM interval_day WHERE meter_id = ANY(?)""").param(fleet.ids()).query().singleRow();
        assertThat(((Number) days.get("rows")).longValue())
                .as("one row per meter, channel and day")
                .isEqualTo(fleet.meters.size() * 2L * fleet.days);
        assertThat(((Number) days.get("slots")).longValue()).isEqualTo(fleet.frames.size() * 96L * 2);
        assertThat(((Number) days.get("import_sum")).longValue()).isEqualTo(fleet.expectedImportSum);
        assertThat(jdbc.sql("SELECT count(*) FROM meter_key WHERE meter_id = ANY(?) AND invocation_counter = ?")
                        .params(fleet.ids(), fleet.days)
                        .query(Long.class)
                        .single())
                .as("every meter's counter at its last frame")
                .isEqualTo(fleet.meters.size());
    }

    private long storedFrames(Fleet fleet) {
        return jdbc.sql("SELECT count(*) FROM received_frame WHERE system_title = ANY(?)")
                .param(fleet.titles())
                .query(Long.class)
                .single();
    }

    private double storeFailures() {
        return metrics.counter("meterguard.headend.store.failures").count();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000);
        socket.connect(new InetSocketAddress("127.0.0.1", headEnd.port()), 5_000);
        return socket;
    }
}
