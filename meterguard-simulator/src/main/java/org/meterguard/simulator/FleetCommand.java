package org.meterguard.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.meterguard.dlms.PushAcknowledgement;
import org.meterguard.pki.CertificateAuthority;
import org.meterguard.pki.CollectorTls;

/**
 * The simulator's fleet commands: {@code generate} writes a fleet (and its key shipment for the head-end);
 * {@code run} drives it against a head-end through its collectors, with outages, tampering and bad actors on
 * demand, and shows its progress.
 */
final class FleetCommand {
    static final String USAGE = """
            usage: SimulatorMain generate --out DIR [--meters 1000] [--collectors 10]
                                          [--mix residential=70,solar=15,ev=10,commercial=5] [--prefix MG-SIM]
                   SimulatorMain run --fleet DIR [--host localhost] [--port 4059] [--days 1] [--window 256]
                                     [--pki DIR [--issue-certificates]] [--plain]
                                     [--outage-rate 0.01] [--tamper-rate 0.001]
                                     [--bad-actors forged-tag,replayed-counter,duplicate,unknown-meter,malformed,flood|all]
              generate  writes DIR/fleet.csv (the meters' keys; owner-only) and DIR/key-shipment.csv, which the
                        server imports with --meterguard.meters.import-file=DIR/key-shipment.csv
              run       pushes the last D whole UTC days of every meter through its collector. Collectors connect
                        with mutual TLS 1.3: --pki DIR is a collector CA's directory as the server's lab PKI has it
                        (DIR/collectors/ID.p12 with ID.password, DIR/ca/ca.pem); --issue-certificates first issues
                        the missing ones from the lab CA (DIR/ca, password in DIR/ca.password); --plain uses TCP (a lab head-end
                        with TLS off). Exit code 0 when every fleet frame was stored and every bad actor got the
                        answer it should, 1 otherwise, 2 on a usage error.
            """;

    private FleetCommand() {}

    static int generate(Map<String, String> options, PrintStream out) throws IOException {
        Path directory = Path.of(required(options, "out"));
        SimulatedFleet fleet = SimulatedFleet.generate(
                Integer.parseInt(options.getOrDefault("meters", "1000")),
                Integer.parseInt(options.getOrDefault("collectors", "10")),
                SimulatedFleet.mix(options.getOrDefault("mix", "residential=70,solar=15,ev=10,commercial=5")),
                options.getOrDefault("prefix", "MG-SIM"));
        fleet.write(directory);
        out.printf(
                "wrote %d meters behind %d collectors to %s (%s, %s)%n",
                fleet.meters().size(),
                fleet.collectors().size(),
                directory,
                SimulatedFleet.FLEET_CSV,
                SimulatedFleet.SHIPMENT_CSV);
        return 0;
    }

    static int run(Map<String, String> options, PrintStream out) throws Exception {
        Path directory = Path.of(required(options, "fleet"));
        SimulatedFleet fleet = SimulatedFleet.read(directory);
        boolean plain = options.containsKey("plain");
        Path pki = plain ? null : Path.of(required(options, "pki"));
        if (!plain && options.containsKey("issue-certificates")) {
            issueMissing(pki, fleet.collectors(), out);
        }
        int days = Integer.parseInt(options.getOrDefault("days", "1"));
        List<Instant> starts = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int d = days; d >= 1; d--) {
            starts.add(today.minusDays(d).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        FleetDriver driver = new FleetDriver(
                fleet,
                CounterStore.open(directory.resolve("counters.properties")),
                new SiteDay(
                        ZoneId.of(options.getOrDefault("zone", "America/Los_Angeles")),
                        Double.parseDouble(options.getOrDefault("outage-rate", "0.01")),
                        Double.parseDouble(options.getOrDefault("tamper-rate", "0.001"))),
                collector -> plain ? null : tls(pki, collector),
                options.getOrDefault("host", "localhost"),
                Integer.parseInt(options.getOrDefault("port", "4059")),
                Integer.parseInt(options.getOrDefault("window", "256")));
        boolean terminal = System.console() != null;
        FleetDriver.Report report = driver.run(
                starts,
                BadActor.parse(options.get("bad-actors")),
                p -> out.printf(
                        terminal
                                ? "\r%,d frames sent, %,d answered, %,d in flight, %,.0f frames/s, %,.0f readings/s   "
                                : "%,d frames sent, %,d answered, %,d in flight, %,.0f frames/s, %,.0f readings/s%n",
                        p.sent(),
                        p.answered(),
                        p.inFlight(),
                        p.framesPerSecond(),
                        p.readingsPerSecond()));
        out.printf(
                "%s%,d frames (%,d readings) in %.1f s: %s; %,d sent again after a broken link%n",
                terminal ? "\n" : "",
                report.frames(),
                report.readings(),
                report.took().toMillis() / 1000.0,
                report.answers(),
                report.retransmitted());
        boolean ok = report.answers().getOrDefault(PushAcknowledgement.Status.REJECTED, 0L) == 0;
        for (Map.Entry<BadActor, Map<PushAcknowledgement.Status, Long>> bad :
                report.badActors().entrySet()) {
            boolean expected = expected(bad.getKey(), bad.getValue());
            ok &= expected;
            out.printf(
                    "bad actor %s: answered %s (%s)%n",
                    bad.getKey(), bad.getValue(), expected ? "as it should" : "WRONG");
        }
        return ok ? 0 : 1;
    }

    /** Whether a bad actor got the answer a head-end must give. */
    static boolean expected(BadActor actor, Map<PushAcknowledgement.Status, Long> answers) {
        long accepted = answers.getOrDefault(PushAcknowledgement.Status.ACCEPTED, 0L);
        long rejected = answers.getOrDefault(PushAcknowledgement.Status.REJECTED, 0L);
        long duplicate = answers.getOrDefault(PushAcknowledgement.Status.DUPLICATE, 0L);
        return switch (actor) {
            case DUPLICATE -> duplicate == 1 && accepted == 0 && rejected == 0;
            case FLOOD -> rejected > 0 && accepted < BadActor.FLOOD_FRAMES;
            default -> rejected == 1 && accepted == 0 && duplicate == 0;
        };
    }

    /** Issues a certificate from the lab CA to every collector that has none, password in a file beside. */
    static void issueMissing(Path pki, List<String> collectors, PrintStream out) throws IOException {
        CertificateAuthority ca = null;
        for (String collector : collectors) {
            Path bundle = pki.resolve("collectors").resolve(collector + ".p12");
            if (Files.exists(bundle)) {
                continue;
            }
            if (ca == null) {
                ca = CertificateAuthority.open(
                        pki.resolve("ca"),
                        Files.readString(pki.resolve("ca.password"), StandardCharsets.US_ASCII)
                                .strip()
                                .toCharArray());
                Files.createDirectories(bundle.getParent());
            }
            byte[] secret = new byte[18];
            new java.security.SecureRandom().nextBytes(secret);
            String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            Files.writeString(
                    Files.createFile(
                            bundle.resolveSibling(collector + ".password"),
                            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))),
                    password + "\n");
            ca.issueCollector(collector, password.toCharArray()).writeTo(bundle);
            out.printf("issued a certificate to collector %s%n", collector);
        }
    }

    /** A collector's TLS 1.3 context from the lab PKI layout: its PKCS#12 and password, and the CA. */
    static SSLContext tls(Path pki, String collector) {
        Path bundle = pki.resolve("collectors").resolve(collector + ".p12");
        try {
            char[] password = Files.readString(
                            bundle.resolveSibling(collector + ".password"), StandardCharsets.US_ASCII)
                    .strip()
                    .toCharArray();
            return CollectorTls.clientContext(
                    bundle, password, CertificateAuthority.readCertificate(pki.resolve("ca")));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "no usable certificate for collector " + collector + " under " + pki + ": " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }
}
