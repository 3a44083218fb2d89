package org.meterguard.pki;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Mutual TLS 1.3 between collectors and the head-end, with the utility's collector CA as the only trust anchor on
 * both sides.
 *
 * <p>Head-end: {@link #server} once, then {@link #newServerEngine()} per accepted connection (for example
 * {@code new SslHandler(tls.newServerEngine())} in Netty). Each engine is in server mode, speaks TLS 1.3 only and
 * requires a client certificate, which must chain to the CA, carry the clientAuth key usage, be within its validity
 * and not be listed in the CA directory's {@code ca.crl}. The CRL file is re-read when it changes, so a revocation
 * refuses the collector's next handshake without a restart. Session resumption is off, so every handshake is checked
 * afresh. After the handshake {@link #collectorIdOf} names the collector.
 *
 * <p>Collectors: {@link #clientContext} gives an {@link SSLContext} holding the collector's key and trusting only the
 * CA; {@link #connect} opens a socket with the required parameters. Callers who create sockets themselves must set
 * the protocols to {@code TLSv1.3} and turn on host-name verification, which the JDK leaves off for raw sockets:
 *
 * <pre>{@code
 * SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(host, port);
 * SSLParameters parameters = socket.getSSLParameters();
 * parameters.setProtocols(new String[] {"TLSv1.3"});
 * parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the head-end certificate must name host
 * socket.setSSLParameters(parameters);
 * socket.startHandshake();
 * }</pre>
 */
public final class CollectorTls {

    /** The only protocol either side speaks. */
    public static final String PROTOCOL = "TLSv1.3";

    /** Longer than the seven-day maximum ticket lifetime, which makes the JDK send no session tickets. */
    private static final int NO_TICKETS_SESSION_TIMEOUT_SECONDS = 7 * 24 * 3600 + 1;

    private final SSLContext serverContext;

    private CollectorTls(SSLContext serverContext) {
        this.serverContext = serverContext;
    }

    /**
     * The head-end side: its key and certificate from {@code headEndPkcs12}, trust in collectors from
     * {@code caDirectory}'s {@code ca.pem} and {@code ca.crl} (the CA key is not needed).
     *
     * @throws PkiException naming the file when the keystore, the CA certificate or the password is unusable
     */
    public static CollectorTls server(Path headEndPkcs12, char[] password, Path caDirectory) {
        X509Certificate ca = CertificateAuthority.readCertificate(caDirectory);
        KeyStore keys = Pkcs12.load(headEndPkcs12, password);
        Pkcs12.keyAlias(keys, headEndPkcs12.toString());
        TrustManager trust = new CrlCheckingTrustManager(ca, caDirectory.resolve(CertificateAuthority.CRL_FILE));
        try {
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, password);
            SSLContext context = SSLContext.getInstance(PROTOCOL);
            context.init(keyManagers.getKeyManagers(), new TrustManager[] {trust}, null);
            disableResumption(context);
            return new CollectorTls(context);
        } catch (GeneralSecurityException e) {
            throw new PkiException("cannot set up TLS with " + headEndPkcs12 + ": " + e.getMessage(), e);
        }
    }

    /** A server-mode engine for one connection: TLS 1.3 only, client certificate required. */
    public SSLEngine newServerEngine() {
        SSLEngine engine = serverContext.createSSLEngine();
        engine.setUseClientMode(false);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(new String[] {PROTOCOL});
        parameters.setNeedClientAuth(true);
        engine.setSSLParameters(parameters);
        return engine;
    }

    /**
     * The collector side: the collector's key and chain from {@code collectorPkcs12}, trusting {@code caCertificate}
     * alone for the head-end's certificate. Use {@link #connect} or set the parameters shown in the class comment.
     */
    public static SSLContext clientContext(Path collectorPkcs12, char[] password, X509Certificate caCertificate) {
        KeyStore keys = Pkcs12.load(collectorPkcs12, password);
        Pkcs12.keyAlias(keys, collectorPkcs12.toString());
        try {
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, password);
            SSLContext context = SSLContext.getInstance(PROTOCOL);
            context.init(keyManagers.getKeyManagers(), trustOnly(caCertificate), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new PkiException("cannot set up TLS with " + collectorPkcs12 + ": " + e.getMessage(), e);
        }
    }

    /**
     * Connects to the head-end and completes the handshake with TLS 1.3 only and host-name verification of
     * {@code host} against the head-end certificate's DNS and IP entries.
     *
     * @throws IOException if the connection or the handshake fails
     */
    public static SSLSocket connect(SSLContext context, String host, int port) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(host, port);
        try {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(new String[] {PROTOCOL});
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * The collector id (the certificate's CN) of an authenticated peer.
     *
     * @throws PkiException if the session has no authenticated peer certificate
     */
    public static String collectorIdOf(SSLSession session) {
        Certificate[] chain;
        try {
            chain = session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            throw new PkiException("the TLS peer is not authenticated", e);
        }
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
            throw new PkiException("the TLS peer presented no X.509 certificate");
        }
        return Certificates.rdn(leaf.getSubjectX500Principal(), "CN");
    }

    private static TrustManager[] trustOnly(X509Certificate ca) throws GeneralSecurityException, IOException {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("collector-ca", ca);
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(anchors);
        return factory.getTrustManagers();
    }

    /**
     * A resumed TLS 1.3 session skips the trust manager, so a revoked collector holding a session ticket could come
     * back without its certificate being checked (CollectorTlsIT#revocationWhileRunningRefusesTheNextHandshake shows
     * it). The JDK issues no NewSessionTicket when the server session timeout exceeds TLS 1.3's seven-day ticket
     * lifetime limit (RFC 8446 section 4.6.1), and without a ticket there is nothing to resume: every handshake is a
     * full one. The cache is kept small because nothing in it is ever resumed.
     */
    private static void disableResumption(SSLContext context) {
        context.getServerSessionContext().setSessionTimeout(NO_TICKETS_SESSION_TIMEOUT_SECONDS);
        context.getServerSessionContext().setSessionCacheSize(1);
    }
}
