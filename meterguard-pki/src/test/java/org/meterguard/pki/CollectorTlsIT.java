package org.meterguard.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real TLS 1.3 handshakes on 127.0.0.1 between collector sockets and the head-end's server engines. */
class CollectorTlsIT {

    private static final char[] CA_PASSWORD = "ca-password-for-tests".toCharArray();
    private static final char[] CERT_PASSWORD = "cert-password".toCharArray();

    @TempDir
    Path tmp;

    private CertificateAuthority ca;
    private EngineEchoServer server;

    @BeforeEach
    void startHeadEnd() throws IOException {
        ca = CertificateAuthority.create(tmp.resolve("pki"), "Test Utility", CA_PASSWORD);
        Path headEnd = tmp.resolve("headend.p12");
        ca.issueHeadEnd(List.of("localhost", "127.0.0.1"), CERT_PASSWORD).writeTo(headEnd);
        CollectorTls tls = CollectorTls.server(headEnd, CERT_PASSWORD, tmp.resolve("pki"));
        server = new EngineEchoServer(tls::newServerEngine);
    }

    @AfterEach
    void stopHeadEnd() throws IOException {
        server.close();
    }

    @Test
    void validCollectorCompletesHandshakeExchangesBytesAndIsNamed() throws Exception {
        SSLContext collector = collectorContext(ca, "C-0001");

        assertThat(exchange(collector, "hello head-end")).isEqualTo("hello head-end");
        assertThat(server.nextOutcome().collectorId()).isEqualTo("C-0001");
    }

    @Test
    void engineIsServerModeTls13OnlyAndRequiresClientCertificate() {
        var engine = CollectorTls.server(tmp.resolve("headend.p12"), CERT_PASSWORD, tmp.resolve("pki"))
                .newServerEngine();

        assertThat(engine.getUseClientMode()).isFalse();
        assertThat(engine.getNeedClientAuth()).isTrue();
        assertThat(engine.getEnabledProtocols()).containsExactly("TLSv1.3");
    }

    @Test
    void refusesCollectorRevokedBeforeItConnects() throws Exception {
        SSLContext collector = collectorContext(ca, "C-0002");
        ca.revokeCollector("C-0002", RevocationReason.KEY_COMPROMISE);

        assertRefused(collector);
    }

    @Test
    void revocationWhileRunningRefusesTheNextHandshake() throws Exception {
        SSLContext collector = collectorContext(ca, "C-0003");
        assertThat(exchange(collector, "first")).isEqualTo("first");
        assertThat(server.nextOutcome().collectorId()).isEqualTo("C-0003");

        ca.revokeCollector("C-0003", RevocationReason.KEY_COMPROMISE);

        // the same client context: it would offer to resume its earlier session if the server let it
        assertRefused(collector);
    }

    @Test
    void refusesCertificateFromAnotherCa() throws Exception {
        CertificateAuthority other = CertificateAuthority.create(tmp.resolve("other"), "Test Utility", CA_PASSWORD);
        Path p12 = tmp.resolve("foreign.p12");
        other.issueCollector("C-0001", CERT_PASSWORD).writeTo(p12);
        SSLContext collector = CollectorTls.clientContext(p12, CERT_PASSWORD, ca.certificate());

        assertRefused(collector);
    }

    @Test
    void refusesExpiredCertificate() throws Exception {
        Instant now = Instant.now();
        Path p12 = tmp.resolve("expired.p12");
        ca.issueCollector("C-0004", CERT_PASSWORD, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)))
                .writeTo(p12);
        SSLContext collector = CollectorTls.clientContext(p12, CERT_PASSWORD, ca.certificate());

        assertRefused(collector);
    }

    @Test
    void refusesClientOfferingOnlyTls12() throws Exception {
        SSLContext collector = collectorContext(ca, "C-0005");

        assertThatThrownBy(() -> {
                    try (SSLSocket socket =
                            (SSLSocket) collector.getSocketFactory().createSocket("127.0.0.1", server.port())) {
                        SSLParameters parameters = socket.getSSLParameters();
                        parameters.setProtocols(new String[] {"TLSv1.2"});
                        socket.setSSLParameters(parameters);
                        socket.startHandshake();
                    }
                })
                .isInstanceOf(IOException.class);
        assertThat(server.nextOutcome().failure()).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void refusesClientWithoutCertificate() throws Exception {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("ca", ca.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(anchors);
        SSLContext anonymous = SSLContext.getInstance("TLSv1.3");
        anonymous.init(null, trust.getTrustManagers(), null);

        assertRefused(anonymous);
    }

    @Test
    void refusesHeadEndCertificateUsedAsCollector() throws Exception {
        Path p12 = tmp.resolve("stolen-headend.p12");
        ca.issueHeadEnd(List.of("collector.example"), CERT_PASSWORD).writeTo(p12);
        SSLContext impostor = CollectorTls.clientContext(p12, CERT_PASSWORD, ca.certificate());

        assertRefused(impostor);
    }

    @Test
    void refusesEveryCollectorWhenTheCrlIsStale() throws Exception {
        SSLContext collector = collectorContext(ca, "C-0006");
        Instant now = Instant.now();
        ca.refreshCrl(now.minus(Duration.ofDays(31)), now.minus(Duration.ofDays(1)));

        assertRefused(collector);

        ca.refreshCrl();
        assertThat(exchange(collector, "fresh again")).isEqualTo("fresh again");
    }

    @Test
    void collectorRefusesHeadEndWhoseCertificateDoesNotNameTheHost() throws Exception {
        Path misnamed = tmp.resolve("misnamed-headend.p12");
        ca.issueHeadEnd(List.of("headend.example"), CERT_PASSWORD).writeTo(misnamed);
        CollectorTls tls = CollectorTls.server(misnamed, CERT_PASSWORD, tmp.resolve("pki"));
        SSLContext collector = collectorContext(ca, "C-0007");

        try (EngineEchoServer impostor = new EngineEchoServer(tls::newServerEngine)) {
            assertThatThrownBy(() -> CollectorTls.connect(collector, "127.0.0.1", impostor.port()))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("127.0.0.1");
        }
    }

    private SSLContext collectorContext(CertificateAuthority authority, String id) {
        Path p12 = tmp.resolve(id + ".p12");
        authority.issueCollector(id, CERT_PASSWORD).writeTo(p12);
        return CollectorTls.clientContext(p12, CERT_PASSWORD, CertificateAuthority.readCertificate(tmp.resolve("pki")));
    }

    /** The client cannot exchange a byte, and the server saw a failed handshake. */
    private void assertRefused(SSLContext collector) throws InterruptedException {
        assertThatThrownBy(() -> exchange(collector, "let me in")).isInstanceOf(IOException.class);
        assertThat(server.nextOutcome().failure()).isInstanceOf(SSLHandshakeException.class);
    }

    private String exchange(SSLContext collector, String message) throws IOException {
        try (SSLSocket socket = CollectorTls.connect(collector, "127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            byte[] echo = socket.getInputStream().readNBytes(bytes.length);
            if (echo.length != bytes.length) {
                throw new IOException("connection closed after " + echo.length + " of " + bytes.length + " bytes");
            }
            return new String(echo, StandardCharsets.UTF_8);
        }
    }
}
