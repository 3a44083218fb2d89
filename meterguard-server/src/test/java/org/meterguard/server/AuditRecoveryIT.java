package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.meterguard.audit.AuditVerifyMain;
import org.meterguard.audit.ConsistencyProof;
import org.meterguard.audit.Hash;
import org.meterguard.audit.MerkleProofs;
import org.meterguard.audit.SignedTreeHead;
import org.meterguard.audit.TreeHeadPublicKey;
import tools.jackson.databind.JsonNode;

/**
 * The audit journal survives the server being killed: the server is killed with -9 after audited reads, the journal
 * is left with a torn final record (as a write cut short by the crash leaves it), and the next start cuts that
 * record off, keeps every acknowledged entry (the projection has them all), signs on under the same key, and exports
 * a log that verifies and is consistent with a head taken before the crash.
 */
class AuditRecoveryIT {
    private static final Duration STARTUP = Duration.ofSeconds(120);

    @Test
    void aKilledServerRecoversItsJournalAndKeepsEveryAcknowledgedEntry() throws Exception {
        Path data = Files.createTempDirectory("meterguard-audit-crash");
        int http = ServerProcess.freePort();
        int headEnd = ServerProcess.freePort();
        String[] options = {
            "--meterguard.demo.meters=1",
            "--meterguard.demo.backfill-days=1",
            "--meterguard.demo.push-interval=1h",
            "--meterguard.audit.head-interval=200ms"
        };
        ApiClient api = new ApiClient(http);
        TestUser operator;
        TestUser auditor;
        SignedTreeHead before;
        try (ServerProcess first = ServerProcess.start(data, http, headEnd, options)) {
            operator = userOf(first.awaitLine(l -> l.strip().startsWith("operator "), STARTUP), "operator");
            auditor = userOf(first.awaitLine(l -> l.strip().startsWith("auditor "), STARTUP), "auditor");
            for (int i = 0; i < 3; i++) {
                readings(api, operator);
            }
            before = head(api.get("/api/v1/audit/tree-head", auditor).json());
            first.killHard();
        }
        tearTheLastSegment(data.resolve("audit"));

        try (ServerProcess second = ServerProcess.start(data, http, headEnd, options)) {
            second.awaitLine(l -> l.contains("Started MeterguardApplication"), STARTUP);
            operator.forgetSessions(); // sessions do not outlive the server
            auditor.forgetSessions();
            assertThat(second.output()).anyMatch(l -> l.contains("cut off a torn final record"));
            JsonNode reads = api.get("/api/v1/audit/entries?actor=operator&limit=100", auditor)
                    .json();
            int dataReads = 0;
            for (JsonNode entry : reads) {
                dataReads += "read-interval-data".equals(entry.get("action").asString()) ? 1 : 0;
            }
            assertThat(dataReads)
                    .as("the operator's reads, beside their sign-in events")
                    .isEqualTo(3);

            TreeHeadPublicKey key = TreeHeadPublicKey.fromPem(
                    api.get("/api/v1/audit/public-key", auditor).body());
            ApiClient.BinaryAnswer export = api.getBytes("/api/v1/audit/export", auditor);
            Path file = data.resolve("export.mgaudit");
            Files.write(file, export.body());
            Files.writeString(data.resolve("audit.pub.pem"), key.pem());
            String headHex = export.headers().firstValue("Audit-Tree-Head").orElseThrow();
            Files.writeString(data.resolve("head.hex"), headHex);
            assertThat(verify(data.resolve("audit.pub.pem"), data.resolve("head.hex"), file))
                    .startsWith("0 ");

            SignedTreeHead after = SignedTreeHead.decode(HexFormat.of().parseHex(headHex));
            JsonNode proof = api.get(
                            "/api/v1/audit/proofs/consistency?oldSize=" + before.treeSize() + "&newSize="
                                    + after.treeSize(),
                            auditor)
                    .json();
            List<Hash> path = new ArrayList<>();
            proof.get("path").forEach(h -> path.add(Hash.fromHex(h.asString())));
            assertThat(MerkleProofs.verifyConsistency(
                            before.rootHash(),
                            after.rootHash(),
                            new ConsistencyProof(before.treeSize(), after.treeSize(), path)))
                    .isTrue();
        }
    }

    private static void readings(ApiClient api, TestUser operator) throws Exception {
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
        api.get(
                "/api/v1/meters/MG-DEMO-0001/readings?from=" + day + "&to=" + day.plus(Duration.ofDays(1))
                        + "&purpose=GRID_OPERATIONS",
                operator);
    }

    /** Appends the start of a record the crash cut short: a header claiming 100 bytes, and 5 of them. */
    private static void tearTheLastSegment(Path journal) throws Exception {
        Path last;
        try (Stream<Path> files = Files.list(journal)) {
            last = files.filter(f -> f.toString().endsWith(".mgaudit"))
                    .sorted()
                    .reduce((a, b) -> b)
                    .orElseThrow();
        }
        ByteBuffer torn = ByteBuffer.allocate(18).putInt(100).putLong(1L << 40).put((byte) 0);
        Files.write(last, torn.array(), StandardOpenOption.APPEND);
    }

    private static SignedTreeHead head(JsonNode json) {
        return SignedTreeHead.decode(HexFormat.of().parseHex(json.get("encoded").asString()));
    }

    private static String verify(Path key, Path head, Path export) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = AuditVerifyMain.run(
                new String[] {"--key", key.toString(), "--head", head.toString(), export.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return code + " " + out.toString(StandardCharsets.UTF_8);
    }

    /** A user from the first start's banner line: "name ROLE password: xxx  totp: otpauth://...". */
    private static TestUser userOf(String bannerLine, String name) {
        String password = bannerLine
                .substring(bannerLine.indexOf("password:") + "password:".length(), bannerLine.indexOf("totp:"))
                .strip();
        String totp = bannerLine
                .substring(bannerLine.indexOf("totp:") + "totp:".length())
                .strip();
        return new TestUser(name, password, java.net.URI.create(totp));
    }
}
