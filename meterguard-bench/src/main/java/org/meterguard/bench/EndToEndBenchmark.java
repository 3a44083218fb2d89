package org.meterguard.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.meterguard.dlms.CipheringKeys;
import org.meterguard.dlms.GcmWarmUp;
import org.meterguard.dlms.InvocationCounter;
import org.meterguard.dlms.KeyAccess;
import org.meterguard.dlms.PushAcknowledgement;
import org.meterguard.dlms.PushEncoder;
import org.meterguard.dlms.SystemTitle;
import org.meterguard.dlms.WrapperDescriptor;
import org.meterguard.pki.CertificateAuthority;
import org.meterguard.pki.CollectorTls;
import org.meterguard.simulator.LoadShape;
import org.meterguard.simulator.PushBuilder;
import org.meterguard.simulator.SimulatedMeter;

/**
 * End to end, as deployed: the real server jar in its own JVM with its embedded PostgreSQL (fsync and synchronous
 * commit on), a fleet imported from a key shipment, and the simulator in this JVM pushing one day of 15-minute
 * data per meter through several collectors, each on its own mutually authenticated TLS 1.3 connection, each frame built and ciphered during the run. A reading
 * counts once the head-end has acknowledged its frame, which it does only after the frame's batch has
 * committed. The same run measures a baseline: the head-end storing each frame in its own transaction
 * ({@code batch-size=1}), as the foundation did. {@code --warm-up-meters N} first pushes the day before for the
 * fleet's first N meters, untimed, so that the measured day runs on a server (and simulator) whose JIT has compiled
 * the path, as a head-end that has run for a while has; by default 0, the measured day starting on a fresh server.
 *
 * <pre>
 * ./mvnw -q -DskipTests package &amp;&amp; java -cp meterguard-bench/target/benchmarks.jar \
 *     org.meterguard.bench.EndToEndBenchmark [--meters 1000000] [--connections 16] [--baseline-meters 20000]
 *     [--warm-up-meters 200000]
 * </pre>
 */
public final class EndToEndBenchmark {
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final int INTERVALS = 96;

    private EndToEndBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int meters = Integer.parseInt(options.getOrDefault("meters", "200000"));
        int baselineMeters = Integer.parseInt(options.getOrDefault("baseline-meters", "20000"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "16"));
        int window = Integer.parseInt(options.getOrDefault("window", "512"));
        int warmUpMeters = Integer.parseInt(options.getOrDefault("warm-up-meters", "0"));
        if (warmUpMeters < 0 || warmUpMeters > meters) {
            throw new IllegalArgumentException(
                    "--warm-up-meters " + warmUpMeters + " must lie between 0 and --meters " + meters);
        }
        Path jar = Path.of(options.getOrDefault("server-jar", "meterguard-server/target/meterguard-server.jar"));
        String heap = options.getOrDefault("server-heap", "6g");
        if (!Files.isReadable(jar)) {
            throw new IllegalArgumentException(
                    "no server jar at " + jar + "; build it first: ./mvnw -q -DskipTests package");
        }
        System.out.printf(
                "End-to-end: %d meters x %d intervals over %d connections (window %d), %d processors%n",
                meters, INTERVALS, connections, window, Runtime.getRuntime().availableProcessors());
        List<Result> results = new ArrayList<>();
        String warm = warmUpMeters > 0 ? String.format(", after a warm-up day of %,d meters", warmUpMeters) : "";
        results.add(run(
                "group commit (batch-size 4096)" + warm, jar, heap, meters, connections, window, 4096, warmUpMeters));
        if (baselineMeters > 0) {
            results.add(run(
                    "baseline: a transaction per frame" + warm,
                    jar,
                    heap,
                    baselineMeters,
                    connections,
                    window,
                    1,
                    Math.min(warmUpMeters, baselineMeters)));
        }
        System.out.println();
        System.out.println("| run | meters | frames | readings | seconds | frames/s | readings/s | rejected |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Result r : results) {
            System.out.printf(
                    "| %s | %,d | %,d | %,d | %.1f | %,.0f | %,.0f | %d |%n",
                    r.name,
                    r.meters,
                    r.accepted,
                    r.accepted * INTERVALS,
                    r.seconds,
                    r.accepted / r.seconds,
                    r.accepted * INTERVALS / r.seconds,
                    r.rejected);
        }
        if (results.size() < 2) {
            return;
        }
        System.out.printf(
                "%nGroup commit stores %.1fx the readings per second of a transaction per frame.%n",
                (results.get(0).accepted / results.get(0).seconds)
                        / (results.get(1).accepted / results.get(1).seconds));
    }

    private record Result(String name, int meters, long accepted, long rejected, double seconds) {}

    private static Result run(
            String name, Path jar, String heap, int count, int connections, int window, int batchSize, int warmUp)
            throws Exception {
        Path directory = Files.createTempDirectory("meterguard-e2e");
        List<SimulatedMeter> fleet = fleet(count);
        Path shipment = directory.resolve("key-shipment.csv");
        writeShipment(shipment, fleet);
        int[] ports = freePorts(2);
        int headEndPort = ports[0];
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
        String extra = System.getenv("MG_BENCH_SERVER_JVM_ARGS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--meterguard.data-dir=" + directory.resolve("data"),
                "--meterguard.demo.enabled=false",
                "--meterguard.meters.import-file=" + shipment,
                "--meterguard.headend.port=" + headEndPort,
                "--meterguard.headend.batch-size=" + batchSize,
                "--meterguard.headend.collector-frames-per-second=1000000",
                "--meterguard.headend.collector-burst=1000000",
                "--server.port=" + ports[1]));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread pump = new Thread(() -> collect(server, output), "server-output");
        pump.setDaemon(true);
        pump.start();
        try {
            awaitLine(server, output, l -> l.contains("Imported " + count + " meters"), Duration.ofMinutes(20));
            LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1);
            Path pki = directory.resolve("data/pki");
            if (warmUp > 0) {
                System.out.printf("%s: server up, %d meters imported; warming up with %d…%n", name, count, warmUp);
                Result warmed = push(
                        "warm-up",
                        fleet.subList(0, warmUp),
                        pki,
                        headEndPort,
                        connections,
                        window,
                        day.minusDays(1),
                        1);
                System.out.printf("warm-up: %,d frames accepted in %.1f s%n", warmed.accepted, warmed.seconds);
            }
            System.out.printf("%s: server up, %d meters imported; pushing…%n", name, count);
            return push(name, fleet, pki, headEndPort, connections, window, day, 2);
        } finally {
            server.destroy();
            if (!server.waitFor(120, TimeUnit.SECONDS)) {
                server.destroyForcibly();
                server.waitFor(30, TimeUnit.SECONDS);
            }
            // About 5 GB after a million meters' day: left behind, a few runs fill the disk.
            TempDirectories.delete(directory);
        }
    }

    /** Pushes {@code day} for every meter of {@code fleet}, each frame under invocation counter {@code counter}. */
    private static Result push(
            String name,
            List<SimulatedMeter> fleet,
            Path pki,
            int port,
            int connections,
            int window,
            LocalDate day,
            long counter)
            throws Exception {
        List<Instant> starts = new ArrayList<>(INTERVALS);
        for (int i = 0; i < INTERVALS; i++) {
            starts.add(day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofMinutes(15L * i)));
        }
        PushBuilder builder = new PushBuilder(new LoadShape(ZONE, Duration.ofMinutes(15)));
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Socket> sockets = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            sockets.add(collector(pki, "BENCH-COLLECTOR-" + counter + "-" + c, port));
        }
        // The simulator's AES-GCM (frames and TLS records) compiled before the clock starts, as the head-end's is
        // by its own warm-up: the run measures steady pushing, not this JVM's JIT.
        GcmWarmUp.run(10_000_000_000L);
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            List<SimulatedMeter> share = new ArrayList<>();
            for (int i = c; i < fleet.size(); i += connections) {
                share.add(fleet.get(i));
            }
            Socket socket = sockets.get(c);
            Semaphore inFlight = new Semaphore(window);
            Thread sender = new Thread(() -> send(socket, share, builder, starts, counter, inFlight), "sender-" + c);
            Thread reader = new Thread(() -> read(socket, share.size(), inFlight, accepted, rejected), "reader-" + c);
            threads.add(sender);
            threads.add(reader);
            sender.start();
            reader.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(name, fleet.size(), accepted.get(), rejected.get(), seconds);
    }

    /**
     * A collector's mutually authenticated TLS 1.3 connection, with a certificate the benchmark issues from the lab
     * CA that the server created on its first start.
     */
    private static Socket collector(Path pki, String collectorId, int port) throws IOException {
        char[] caPassword = Files.readString(pki.resolve("ca.password")).strip().toCharArray();
        CertificateAuthority ca = CertificateAuthority.open(pki.resolve("ca"), caPassword);
        Path bundle = pki.resolve(collectorId + ".p12");
        char[] password = "benchmark-collector".toCharArray();
        ca.issueCollector(collectorId, password).writeTo(bundle);
        SSLContext tls = CollectorTls.clientContext(bundle, password, ca.certificate());
        Socket plain = new Socket();
        plain.setTcpNoDelay(true);
        plain.setSendBufferSize(1 << 20);
        plain.connect(new InetSocketAddress("localhost", port), 10_000);
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, "localhost", port, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setProtocols(new String[] {CollectorTls.PROTOCOL});
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    private static void send(
            Socket socket,
            List<SimulatedMeter> meters,
            PushBuilder builder,
            List<Instant> starts,
            long counter,
            Semaphore inFlight) {
        try {
            OutputStream out = new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            for (SimulatedMeter meter : meters) {
                byte[] apdu = PushEncoder.loadProfile(
                        1, meter.systemTitle(), PushBuilder.RESIDENTIAL_LAYOUT, builder.profile(meter, starts));
                byte[] frame = PushBuilder.wrap(meter, new InvocationCounter(counter), apdu);
                if (!inFlight.tryAcquire()) {
                    out.flush();
                    inFlight.acquire();
                }
                out.write(frame);
            }
            out.flush();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("sending failed", e);
        }
    }

    private static void read(Socket socket, int frames, Semaphore inFlight, AtomicLong accepted, AtomicLong rejected) {
        try (socket) {
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16));
            byte[] header = new byte[WrapperDescriptor.HEADER_LENGTH];
            byte[] payload = new byte[PushAcknowledgement.LENGTH];
            for (int i = 0; i < frames; i++) {
                in.readFully(header);
                in.readFully(payload);
                if (PushAcknowledgement.decode(payload).status() == PushAcknowledgement.Status.ACCEPTED) {
                    accepted.incrementAndGet();
                } else {
                    rejected.incrementAndGet();
                }
                inFlight.release();
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading acknowledgements failed", e);
        }
    }

    /** Meters with keys from a seeded generator: a benchmark fleet, never a real one. */
    private static List<SimulatedMeter> fleet(int count) {
        SplittableRandom random = new SplittableRandom(20261123L ^ count);
        List<SimulatedMeter> fleet = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] ek = new byte[16];
            byte[] ak = new byte[16];
            random.nextBytes(ek);
            random.nextBytes(ak);
            fleet.add(new SimulatedMeter(
                    String.format("MG-E2E-%07d", i),
                    new SystemTitle(0x4D47450000000000L | i),
                    CipheringKeys.of(ek, ak)));
        }
        return fleet;
    }

    private static void writeShipment(Path file, List<SimulatedMeter> fleet) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        HexFormat hex = HexFormat.of();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write("meter_id,system_title,model,ek,ak\n");
            for (SimulatedMeter meter : fleet) {
                out.write(meter.meterId() + "," + meter.systemTitle() + ",MG-SIM-R1,"
                        + hex.formatHex(meter.keys().encryptionKey(KeyAccess.insecure())) + ","
                        + hex.formatHex(meter.keys().authenticationKey(KeyAccess.insecure())) + "\n");
            }
        }
    }

    private static void collect(Process process, List<String> lines) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
                if (line.contains("ERROR") || line.contains("Exception")) {
                    System.err.println("server: " + line);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static void awaitLine(Process process, List<String> lines, Predicate<String> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (lines.stream().anyMatch(condition)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not get ready; its output:\n" + String.join("\n", lines));
    }

    /** Distinct free ports: all sockets are held open together, since port 0 asked twice can repeat. */
    private static int[] freePorts(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value pairs, got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
