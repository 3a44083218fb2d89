package org.meterguard.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end through its testable entry point, in a temporary directory. */
class CaMainTest {

    private static final String CA_PASSWORD = "ca-password-cli-test";
    private static final String CERT_PASSWORD = "cert-password-cli";
    private static final Map<String, String> ENV =
            Map.of("MG_PKI_PASSWORD", CA_PASSWORD, "MG_CERT_PASSWORD", CERT_PASSWORD);

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void initIssueRevokeAndListEndToEnd() throws Exception {
        String dir = tmp.resolve("pki").toString();
        assertThat(run("init", "--dir", dir, "--name", "Example Power")).isZero();
        assertThat(stdout()).contains("CN=Example Power Collector CA");

        Path collector = tmp.resolve("C-0001.p12");
        assertThat(run("issue-collector", "--dir", dir, "--id", "C-0001", "--out", collector.toString()))
                .isZero();
        Path headEnd = tmp.resolve("headend.p12");
        assertThat(run(
                        "issue-headend",
                        "--dir",
                        dir,
                        "--host",
                        "localhost",
                        "--host",
                        "127.0.0.1",
                        "--out",
                        headEnd.toString()))
                .isZero();
        assertThat(run("revoke", "--dir", dir, "--id", "C-0001", "--reason", "keyCompromise"))
                .isZero();
        assertThat(run("list", "--dir", dir)).isZero();

        assertThat(stdout())
                .containsPattern("collector\\s+C-0001\\s+\\S+\\s+revoked \\S+ keyCompromise")
                .containsPattern("headend\\s+localhost\\s+\\S+\\s+valid");
        assertThat(Files.getPosixFilePermissions(collector)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        KeyStore bundle = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(collector)) {
            bundle.load(in, CERT_PASSWORD.toCharArray());
        }
        X509Certificate leaf = (X509Certificate) bundle.getCertificate("C-0001");
        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=C-0001,OU=collectors,O=Example Power");
        assertThat(bundle.getCertificateChain("C-0001")).hasSize(2);
        assertThat(stdout() + stderr()).doesNotContain(CA_PASSWORD).doesNotContain(CERT_PASSWORD);
    }

    @Test
    void refusesSecondCertificateForTheSameCollectorNamingIt() {
        String dir = tmp.resolve("pki").toString();
        run("init", "--dir", dir, "--name", "Example Power");
        run(
                "issue-collector",
                "--dir",
                dir,
                "--id",
                "C-0042",
                "--out",
                tmp.resolve("a.p12").toString());

        int code = run(
                "issue-collector",
                "--dir",
                dir,
                "--id",
                "C-0042",
                "--out",
                tmp.resolve("b.p12").toString());

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).startsWith("error: collector C-0042 already has a valid certificate");
        assertThat(stderr().lines()).hasSize(1);
        assertThat(tmp.resolve("b.p12")).doesNotExist();
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(stderr()).contains("usage: ");
        assertThat(run("frobnicate", "--dir", "x")).isEqualTo(2);
        assertThat(run("init", "--name", "Example Power")).isEqualTo(2);
        assertThat(run("revoke", "--dir", "x", "--id", "C-1", "--reason", "boredom"))
                .isEqualTo(2);
        assertThat(run("init", "--dir", "x", "--bogus", "y")).isEqualTo(2);
        assertThat(stderr()).contains("missing --dir", "unknown option '--bogus'", "unknown revocation reason");
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(stdout()).contains("issue-collector", "MG_PKI_PASSWORD", "MG_CERT_PASSWORD", "exit codes");
    }

    @Test
    void missingPasswordIsAUsageErrorNamingTheVariable() {
        int code = CaMain.run(
                new String[] {"init", "--dir", tmp.resolve("pki").toString(), "--name", "X"},
                Map.of(),
                new PrintStream(out),
                new PrintStream(err));

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("MG_PKI_PASSWORD", "--password-file");
    }

    @Test
    void readsPasswordFromFileAndReportsAWrongOneInOneLine() throws Exception {
        Path good = Files.writeString(tmp.resolve("pw"), CA_PASSWORD + "\n");
        Path bad = Files.writeString(tmp.resolve("bad"), "not-the-password\n");
        String dir = tmp.resolve("pki").toString();
        assertThat(run("init", "--dir", dir, "--name", "Example Power", "--password-file", good.toString()))
                .isZero();

        int code = run("revoke", "--dir", dir, "--serial", "abc", "--password-file", bad.toString());

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).startsWith("error: wrong password for ").doesNotContain("not-the-password");
        assertThat(stderr().lines()).hasSize(1);
    }

    private int run(String... args) {
        return CaMain.run(args, ENV, new PrintStream(out, true), new PrintStream(err, true));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
