package org.meterguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier's command line on real exported files: the verdict line and the exit code per failure class. */
class AuditVerifyMainTest {
    @TempDir
    Path dir;

    private Path export;
    private Path key;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void exportAndKey() throws IOException {
        export = AuditFixtures.export(dir, 120, 25);
        key = Files.writeString(
                dir.resolve("log-key.pem"), AuditFixtures.signer().publicKey().pem());
    }

    @Test
    void aGenuineExportExitsZeroWithSizeAndRoot() {
        assertThat(run("--key", key.toString(), export.toString())).isZero();
        assertThat(out()).startsWith("OK: 120 entries and 6 signed tree heads; tree size 120, root ");
        assertThat(err()).isEmpty();
    }

    @Test
    void anyNumberOfThreadsGivesTheSameVerdict() {
        for (String threads : new String[] {"1", "2", "5"}) {
            assertThat(run("--key", key.toString(), "--threads", threads, export.toString()))
                    .isZero();
            assertThat(out()).startsWith("OK: 120 entries");
        }
        assertThat(run("--key", key.toString(), "--threads", "0", export.toString()))
                .isEqualTo(2);
        assertThat(err()).contains("--threads needs a number from 1 to 256, not '0'");
    }

    @Test
    void aChangedEntryExitsFourNamingIt() {
        ExportFile tampered = ExportFile.read(export);
        tampered.records.get(tampered.entry(7))[30] ^= 0x20;
        Path file = tampered.writeTo(dir.resolve("changed.mgaudit"));

        assertThat(run("--key", key.toString(), file.toString())).isEqualTo(4);
        assertThat(out()).startsWith("FAILED, entry changed: entry 7 (byte ");
    }

    @Test
    void eachFailureClassHasItsExitCode() throws IOException {
        ExportFile deleted = ExportFile.read(export);
        deleted.records.remove(deleted.entry(60));
        assertThat(runOn(deleted, "deleted")).isEqualTo(5);
        assertThat(out()).startsWith("FAILED, entry missing: entry 60 is missing");

        ExportFile swapped = ExportFile.read(export);
        java.util.Collections.swap(swapped.records, swapped.entry(3), swapped.entry(4));
        assertThat(runOn(swapped, "swapped")).isEqualTo(6);

        byte[] bytes = Files.readAllBytes(export);
        Path cut = Files.write(dir.resolve("cut.mgaudit"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(run("--key", key.toString(), cut.toString())).isEqualTo(7);

        ExportFile badHead = ExportFile.read(export);
        badHead.records.get(badHead.heads().get(1))[40] ^= 1;
        assertThat(runOn(badHead, "bad-head")).isEqualTo(8);
        assertThat(out()).contains("FAILED, signed tree head invalid: signed tree head #1");

        Path foreign = Files.writeString(dir.resolve("foreign.txt"), "hello, this is not an export at all");
        assertThat(run("--key", key.toString(), foreign.toString())).isEqualTo(3);
    }

    @Test
    void aTrustedHeadInHexCatchesAReclosedShortExport() throws IOException {
        ExportFile original = ExportFile.read(export);
        byte[] closing = original.records.get(original.records.size() - 1);
        Path head = Files.writeString(
                dir.resolve("head.hex"), HexFormat.of().formatHex(ExportFile.payload(closing)) + "\n");
        assertThat(run("--key", key.toString(), "--head", head.toString(), export.toString()))
                .isZero();

        ExportFile shortened = ExportFile.read(export);
        int at = shortened.heads().get(1);
        byte[] reclosed = ExportFile.record((byte) 3, 50, ExportFile.payload(shortened.records.get(at)));
        shortened.records.subList(at, shortened.records.size()).clear();
        shortened.records.add(reclosed);
        Path file = shortened.writeTo(dir.resolve("short.mgaudit"));
        assertThat(run("--key", key.toString(), file.toString())).isZero();
        assertThat(run("--key", key.toString(), "--head", head.toString(), file.toString()))
                .isEqualTo(7);
    }

    @Test
    void theKeyMayBeGivenRawOrAsHexToo() throws IOException {
        TreeHeadPublicKey publicKey = AuditFixtures.signer().publicKey();
        Path raw = Files.write(dir.resolve("key.raw"), publicKey.raw());
        Path hex = Files.writeString(dir.resolve("key.hex"), HexFormat.of().formatHex(publicKey.raw()));
        Path der = Files.write(dir.resolve("key.der"), publicKey.x509());
        for (Path file : new Path[] {raw, hex, der}) {
            assertThat(run("--key", file.toString(), export.toString()))
                    .as("%s", file)
                    .isZero();
        }
        Path otherKey = Files.writeString(
                dir.resolve("other.pem"), AuditFixtures.key(9).publicKey().pem());
        assertThat(run("--key", otherKey.toString(), export.toString())).isEqualTo(8);
    }

    @Test
    void usageAndReadErrorsExitTwoAndOne() throws IOException {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("usage error: --key and an export file are required");
        assertThat(run("--key", key.toString(), "a", "b")).isEqualTo(2);
        Path notAKey = Files.writeString(dir.resolve("not-a-key"), "nonsense");
        assertThat(run("--key", notAKey.toString(), export.toString())).isEqualTo(2);
        assertThat(run("--key", key.toString(), dir.resolve("absent.mgaudit").toString()))
                .isEqualTo(1);
        assertThat(err()).contains("error: cannot read the audit export");
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("exit codes:");
    }

    private int runOn(ExportFile tampered, String name) {
        Path file = tampered.writeTo(dir.resolve(name + ".mgaudit"));
        return run("--key", key.toString(), file.toString());
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return AuditVerifyMain.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
