package org.meterguard.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {

    private static final char[] CA_PASSWORD = "ca-password-for-tests".toCharArray();
    private static final char[] CERT_PASSWORD = "cert-password".toCharArray();

    @TempDir
    Path tmp;

    @Test
    void createsCaWithOwnerOnlyKeystoreAndCaExtensions() throws Exception {
        Path dir = tmp.resolve("pki");
        CertificateAuthority ca = CertificateAuthority.create(dir, "Example Power", CA_PASSWORD);

        X509Certificate certificate = ca.certificate();
        assertThat(certificate.getSubjectX500Principal().getName())
                .isEqualTo("CN=Example Power Collector CA,O=Example Power");
        assertThat(certificate.getBasicConstraints()).isZero();
        assertThat(certificate.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(certificate.getKeyUsage()[6]).as("cRLSign").isTrue();
        assertThat(Duration.between(
                                certificate.getNotBefore().toInstant(),
                                certificate.getNotAfter().toInstant())
                        .toDays())
                .isBetween(3650L, 3654L);
        assertThat(Files.getPosixFilePermissions(dir.resolve("ca.p12")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(CertificateAuthority.readCertificate(dir)).isEqualTo(certificate);
        assertThat(CrlFile.read(dir.resolve("ca.crl")).number()).isEqualTo(BigInteger.ONE);
    }

    @Test
    void issuesCollectorCertificateWithClientAuthTwoYearsAndRandomSerial() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create(tmp.resolve("pki"), "Example Power", CA_PASSWORD);

        X509Certificate leaf = ca.issueCollector("C-0001", CERT_PASSWORD).certificate();

        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=C-0001,OU=collectors,O=Example Power");
        assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getSerialNumber().bitLength()).isBetween(100, 128);
        assertThat(Duration.between(Instant.now(), leaf.getNotAfter().toInstant())
                        .toDays())
                .isBetween(729L, 731L);
        leaf.verify(ca.certificate().getPublicKey());
    }

    @Test
    void issuesHeadEndCertificateWithDnsAndIpNamesAndServerAuth() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create(tmp.resolve("pki"), "Example Power", CA_PASSWORD);

        X509Certificate leaf = ca.issueHeadEnd(List.of("headend.example", "10.0.0.5"), CERT_PASSWORD)
                .certificate();

        assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(leaf.getSubjectAlternativeNames())
                .containsExactlyInAnyOrder(List.of(2, "headend.example"), List.of(7, "10.0.0.5"));
    }

    @Test
    void refusesSecondValidCertificateForACollectorUntilTheFirstIsRevoked() {
        CertificateAuthority ca = CertificateAuthority.create(tmp.resolve("pki"), "Example Power", CA_PASSWORD);
        ca.issueCollector("C-0001", CERT_PASSWORD);

        assertThatThrownBy(() -> ca.issueCollector("C-0001", CERT_PASSWORD))
                .isInstanceOf(CollectorAlreadyCertified.class)
                .hasMessageContaining("C-0001");

        ca.revokeCollector("C-0001", RevocationReason.SUPERSEDED);
        assertThat(ca.issueCollector("C-0001", CERT_PASSWORD).entry().name()).isEqualTo("C-0001");
        assertThat(ca.list()).hasSize(2);
    }

    @Test
    void revocationReissuesCrlWithRisingNumberReasonAndNextUpdate() throws Exception {
        Path dir = tmp.resolve("pki");
        CertificateAuthority ca = CertificateAuthority.create(dir, "Example Power", CA_PASSWORD);
        X509Certificate first = ca.issueCollector("C-0001", CERT_PASSWORD).certificate();
        X509Certificate second = ca.issueCollector("C-0002", CERT_PASSWORD).certificate();

        ca.revokeCollector("C-0001", RevocationReason.KEY_COMPROMISE);
        ca.revoke(second.getSerialNumber(), RevocationReason.CESSATION_OF_OPERATION);

        CrlFile crl = CrlFile.read(dir.resolve("ca.crl"));
        X509CRL x509 = crl.crl();
        x509.verify(ca.certificate().getPublicKey());
        assertThat(crl.number()).isEqualTo(BigInteger.valueOf(3));
        assertThat(x509.isRevoked(first)).isTrue();
        assertThat(x509.getRevokedCertificate(first).getRevocationReason())
                .isEqualTo(java.security.cert.CRLReason.KEY_COMPROMISE);
        assertThat(x509.getNextUpdate()).isAfter(x509.getThisUpdate());
        assertThat(Files.readAllLines(dir.resolve("index.tsv")))
                .anyMatch(line -> line.startsWith(first.getSerialNumber().toString(16) + "\tcollector\tC-0001\t")
                        && line.contains("\trevoked\t")
                        && line.contains("\tkeyCompromise\t"));
    }

    @Test
    void reopensWithThePasswordAndRefusesAWrongOne() {
        Path dir = tmp.resolve("pki");
        CertificateAuthority.create(dir, "Example Power", CA_PASSWORD).issueCollector("C-0001", CERT_PASSWORD);

        assertThat(CertificateAuthority.open(dir, CA_PASSWORD).list()).hasSize(1);
        assertThatThrownBy(() -> CertificateAuthority.open(dir, "wrong-password-x".toCharArray()))
                .isInstanceOf(PkiException.class)
                .hasMessageStartingWith("wrong password for ")
                .hasMessageNotContaining("wrong-password-x");
    }

    @Test
    void refusesBadInputNamingIt() {
        Path dir = tmp.resolve("pki");
        CertificateAuthority ca = CertificateAuthority.create(dir, "Example Power", CA_PASSWORD);

        assertThatThrownBy(() -> CertificateAuthority.create(dir, "Example Power", CA_PASSWORD))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> ca.issueCollector("C 0001/..", CERT_PASSWORD)).hasMessageContaining("'C 0001/..'");
        assertThatThrownBy(() -> ca.issueHeadEnd(List.of("bad host"), CERT_PASSWORD))
                .hasMessageContaining("'bad host'");
        assertThatThrownBy(() -> ca.revokeCollector("C-9999", RevocationReason.UNSPECIFIED))
                .hasMessageContaining("C-9999");
        assertThatThrownBy(() -> CertificateAuthority.create(tmp.resolve("x"), "X", "short".toCharArray()))
                .hasMessageContaining("at least 12");
    }

    @Test
    void bundleToStringRedactsTheKeystore() {
        CertificateAuthority ca = CertificateAuthority.create(tmp.resolve("pki"), "Example Power", CA_PASSWORD);

        assertThat(ca.issueCollector("C-0001", CERT_PASSWORD).toString()).contains("<redacted>");
    }
}
