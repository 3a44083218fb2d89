package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meterguard.audit.AuditEvent;
import org.meterguard.audit.AuditVerifyMain;
import org.meterguard.audit.ConsistencyProof;
import org.meterguard.audit.Hash;
import org.meterguard.audit.InclusionProof;
import org.meterguard.audit.MerkleHashing;
import org.meterguard.audit.MerkleProofs;
import org.meterguard.audit.SignedTreeHead;
import org.meterguard.audit.TreeHeadPublicKey;
import org.meterguard.audit.TreeHeadVerifier;
import org.meterguard.core.StaffRole;
import org.meterguard.server.access.Assignments;
import org.meterguard.server.access.StaffAccounts;
import org.meterguard.server.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The audit journal inside the server, over HTTP: audited reads through an existing endpoint land in the journal
 * and its projection; the security auditor's tree heads, inclusion and consistency proofs verify with
 * meterguard-audit's own verifiers; an export streamed over HTTP passes the offline verifier, and a flipped byte or
 * a cut-off export fails it with the specific exit code; the auditor's reads are themselves audited; nobody else
 * reads the log and nobody at all alters it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "meterguard.headend.port=0",
            "meterguard.demo.enabled=false",
            "meterguard.audit.head-interval=200ms"
        })
class AuditLogIT {
    private static final String METER = "MG-AUDIT-1";
    private static final String PERIOD = "from=2026-06-02T00:00:00Z&to=2026-06-03T00:00:00Z";
    private static Path dataDirectory;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        dataDirectory = Files.createTempDirectory("meterguard-audit");
        registry.add("meterguard.data-dir", dataDirectory::toString);
    }

    @LocalServerPort
    int httpPort;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffAccounts staff;

    @Autowired
    Assignments assignments;

    @Autowired
    AuditLog auditLog;

    @TempDir
    Path temp;

    @Test
    void auditedReadsAreProvableOverHttpAndTheExportVerifiesOffline() throws Exception {
        ApiClient api = new ApiClient(httpPort);
        TestUser operator = account(StaffRole.GRID_OPERATOR);
        TestUser billing = account(StaffRole.BILLING_ANALYST);
        TestUser auditor = account(StaffRole.SECURITY_AUDITOR);
        jdbc.sql("INSERT INTO meter (meter_id, system_title, model) VALUES (?, 424242, 'MG-SIM-R1')")
                .param(METER)
                .update();
        for (int i = 0; i < 3; i++) {
            assertThat(outages(api, operator).status()).isEqualTo(200);
        }
        assertThat(outages(api, billing).status()).isEqualTo(403);

        TreeHeadPublicKey key = TreeHeadPublicKey.fromPem(
                api.get("/api/v1/audit/public-key", auditor).body());
        assertThat(Files.readString(dataDirectory.resolve("keys/audit-signing-key.pub.pem")))
                .isEqualTo(key.pem());
        assertThat(Files.readString(dataDirectory.resolve("keys/audit-signing-key")))
                .doesNotContain("PRIVATE KEY")
                .contains("kek=kek-");

        List<JsonNode> reads = outagesOnly(
                api.get("/api/v1/audit/entries?actor=" + operator, auditor).json());
        List<JsonNode> denial = outagesOnly(
                api.get("/api/v1/audit/entries?actor=" + billing, auditor).json());
        assertThat(reads).hasSize(3);
        assertThat(denial).hasSize(1);
        assertThat(denial.get(0).get("decision").asString()).isEqualTo("DENY");
        for (JsonNode entry : reads) {
            byte[] bytes = Base64.getDecoder().decode(entry.get("entry").asString());
            AuditEvent event = AuditEvent.fromCanonicalBytes(bytes);
            assertThat(event.actor()).isEqualTo(operator.username());
            assertThat(event.action()).isEqualTo("read-outages");
            assertThat(event.decision()).isEqualTo("PERMIT");
            assertThat(MerkleHashing.leafHash(bytes).toHex())
                    .isEqualTo(entry.get("leafHash").asString());
        }

        long lastRead = reads.get(2).get("index").asLong();
        SignedTreeHead head = headCovering(api, auditor, lastRead + 1);
        TreeHeadVerifier verifier = new TreeHeadVerifier(key);
        assertThat(verifier.verifies(head)).isTrue();
        for (JsonNode entry : reads) {
            long index = entry.get("index").asLong();
            Hash leaf = Hash.fromHex(entry.get("leafHash").asString());
            InclusionProof proof = inclusion(api, auditor, index, head.treeSize());
            assertThat(MerkleProofs.verifyInclusion(leaf, proof, head.rootHash()))
                    .isTrue();
            byte[] other = leaf.bytes();
            other[0] ^= 1;
            assertThat(MerkleProofs.verifyInclusion(Hash.of(other), proof, head.rootHash()))
                    .isFalse();
        }

        outages(api, operator); // the log grows; the later head must extend the earlier one
        SignedTreeHead later = headCovering(api, auditor, head.treeSize() + 1);
        JsonNode consistency = api.get(
                        "/api/v1/audit/proofs/consistency?oldSize=" + head.treeSize() + "&newSize=" + later.treeSize(),
                        auditor)
                .json();
        ConsistencyProof proof =
                new ConsistencyProof(head.treeSize(), later.treeSize(), hashes(consistency.get("path")));
        assertThat(verifier.verifies(later)).isTrue();
        assertThat(MerkleProofs.verifyConsistency(head.rootHash(), later.rootHash(), proof))
                .isTrue();
        assertThat(MerkleProofs.verifyConsistency(later.rootHash(), head.rootHash(), proof))
                .isFalse();

        JsonNode history =
                api.get("/api/v1/audit/tree-heads?limit=10000", auditor).json();
        List<Long> sizes = new ArrayList<>();
        for (JsonNode stored : history) {
            SignedTreeHead h = SignedTreeHead.decode(
                    HexFormat.of().parseHex(stored.get("encoded").asString()));
            assertThat(verifier.verifies(h)).isTrue();
            sizes.add(h.treeSize());
        }
        assertThat(sizes).isSorted().contains(head.treeSize());

        exportVerifiesAndTamperingIsNamed(api, auditor, key);

        auditLog.awaitProjected();
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE actor = ? ORDER BY seq")
                        .param(auditor.username())
                        .query(String.class)
                        .list())
                .contains(
                        "read-audit-public-key",
                        "read-audit-entries",
                        "read-audit-tree-head",
                        "read-audit-inclusion-proof",
                        "read-audit-consistency-proof",
                        "read-audit-tree-heads",
                        "export-audit-log");
    }

    private void exportVerifiesAndTamperingIsNamed(ApiClient api, TestUser auditor, TreeHeadPublicKey key)
            throws Exception {
        ApiClient.BinaryAnswer export = api.getBytes("/api/v1/audit/export", auditor);
        assertThat(export.status()).isEqualTo(200);
        Path file = temp.resolve("export.mgaudit");
        Files.write(file, export.body());
        Path keyFile = temp.resolve("audit.pub.pem");
        Files.writeString(keyFile, key.pem());
        Path headFile = temp.resolve("head.hex");
        Files.writeString(
                headFile, export.headers().firstValue("Audit-Tree-Head").orElseThrow());

        assertThat(verify(keyFile, headFile, file)).startsWith("0 ");

        byte[] flipped = export.body().clone();
        flipped[24 + 20] ^= 0x40; // inside entry 0's payload (header 24 bytes, record framing 13)
        Path changed = temp.resolve("changed.mgaudit");
        Files.write(changed, flipped);
        assertThat(verify(keyFile, headFile, changed)).startsWith("4 ").contains("entry 0");

        Path cut = temp.resolve("cut.mgaudit");
        Files.write(cut, Arrays.copyOf(export.body(), export.body().length - 10));
        assertThat(verify(keyFile, headFile, cut)).startsWith("7 ");
    }

    @Test
    void onlyTheSecurityAuditorReadsTheLogAndNobodyAltersIt() throws Exception {
        ApiClient api = new ApiClient(httpPort);
        TestUser auditor = account(StaffRole.SECURITY_AUDITOR);
        for (StaffRole role : List.of(StaffRole.ADMINISTRATOR, StaffRole.GRID_OPERATOR, StaffRole.PRIVACY_OFFICER)) {
            TestUser user = account(role);
            assertThat(api.get("/api/v1/audit/tree-head", user).status())
                    .as("%s", role)
                    .isEqualTo(403);
            assertThat(api.get("/api/v1/audit/entries", user).status()).isEqualTo(403);
            assertThat(api.getBytes("/api/v1/audit/export", user).status()).isEqualTo(403);
        }
        for (String method : List.of("DELETE", "PUT", "POST", "PATCH")) {
            assertThat(api.send(method, "/api/v1/audit/entries", auditor).status())
                    .as(method)
                    .isEqualTo(403);
        }
        assertThat(api.get("/api/v1/audit/proofs/inclusion?leafIndex=5&treeSize=3", auditor)
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/audit/proofs/consistency?oldSize=1&newSize=99999999", auditor)
                        .status())
                .isEqualTo(400);
        auditLog.awaitProjected();
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_tree_head").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() ->
                        jdbc.sql("UPDATE audit_entry SET decision = 'PERMIT'").update())
                .hasMessageContaining("append-only");
    }

    private static ApiClient.Answer outages(ApiClient api, TestUser user) throws Exception {
        return api.get("/api/v1/meters/" + METER + "/outages?" + PERIOD + "&purpose=GRID_OPERATIONS", user);
    }

    /** The latest head once it covers {@code size} entries (heads come every 200 ms here). */
    private static SignedTreeHead headCovering(ApiClient api, TestUser auditor, long size) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            JsonNode json = api.get("/api/v1/audit/tree-head", auditor).json();
            SignedTreeHead head = SignedTreeHead.decode(
                    HexFormat.of().parseHex(json.get("encoded").asString()));
            assertThat(json.get("treeSize").asLong()).isEqualTo(head.treeSize());
            assertThat(json.get("rootHash").asString())
                    .isEqualTo(head.rootHash().toHex());
            if (head.treeSize() >= size || System.nanoTime() > deadline) {
                assertThat(head.treeSize()).isGreaterThanOrEqualTo(size);
                return head;
            }
            Thread.sleep(100);
        }
    }

    private static InclusionProof inclusion(ApiClient api, TestUser auditor, long index, long treeSize)
            throws Exception {
        JsonNode json = api.get("/api/v1/audit/proofs/inclusion?leafIndex=" + index + "&treeSize=" + treeSize, auditor)
                .json();
        return new InclusionProof(
                json.get("leafIndex").asLong(), json.get("treeSize").asLong(), hashes(json.get("path")));
    }

    private static List<Hash> hashes(JsonNode path) {
        List<Hash> hashes = new ArrayList<>();
        path.forEach(h -> hashes.add(Hash.fromHex(h.asString())));
        return hashes;
    }

    /** Runs the offline verifier's main logic; returns its exit code, a space, and what it printed. */
    private static String verify(Path key, Path head, Path export) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AuditVerifyMain.run(
                new String[] {"--key", key.toString(), "--head", head.toString(), export.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return code + " " + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    /** The entries of reads of outages (the users' own sign-in events are in the log too). */
    private static List<JsonNode> outagesOnly(JsonNode entries) {
        List<JsonNode> reads = new java.util.ArrayList<>();
        for (JsonNode entry : entries) {
            if ("read-outages".equals(entry.get("action").asString())) {
                reads.add(entry);
            }
        }
        return reads;
    }

    private TestUser account(StaffRole role) {
        return TestUser.trainedStaff(staff, assignments, role);
    }
}
