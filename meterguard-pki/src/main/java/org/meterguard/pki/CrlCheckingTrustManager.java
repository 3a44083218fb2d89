package org.meterguard.pki;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The head-end's trust in collectors: PKIX validation to the CA certificate as the only trust anchor, with
 * revocation checked against the CA's CRL file only (no OCSP, no fetching; an unknown status fails). The JDK's own
 * PKIX trust manager does the work, including the TLS client key-usage checks; this class rebuilds it whenever the
 * CRL file changes (identity, modification time or size), so a revocation applies to the next handshake. Fails
 * closed: a missing, unreadable, forged or stale CRL refuses every client.
 */
final class CrlCheckingTrustManager extends X509ExtendedTrustManager {

    private final X509Certificate ca;
    private final Path crlFile;
    private volatile Snapshot current;

    CrlCheckingTrustManager(X509Certificate ca, Path crlFile) {
        this.ca = Objects.requireNonNull(ca, "ca");
        this.crlFile = Objects.requireNonNull(crlFile, "crlFile");
        this.current = new Snapshot(null, null, null, new CertificateException("CRL not read yet"));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        delegate().checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        delegate().checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate().checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the head-end trust manager authenticates collectors (clients) only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("the head-end trust manager authenticates collectors (clients) only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the head-end trust manager authenticates collectors (clients) only");
    }

    /** The CA alone, so clients are asked for a certificate from it. */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[] {ca};
    }

    private X509ExtendedTrustManager delegate() throws CertificateException {
        Object version = version();
        Snapshot snapshot = current;
        if (!version.equals(snapshot.version())) {
            synchronized (this) {
                snapshot = current;
                if (!version.equals(snapshot.version())) {
                    snapshot = load(version);
                    current = snapshot;
                }
            }
        }
        return snapshot.trustManager(crlFile);
    }

    /** What identifies one state of the CRL file: replaced files get a new key, rewritten ones a new time or size. */
    private Object version() throws CertificateException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(crlFile, BasicFileAttributes.class);
            return List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime(), attributes.size());
        } catch (IOException e) {
            throw new CertificateException("CRL " + crlFile + " cannot be read: " + e.getMessage(), e);
        }
    }

    private Snapshot load(Object version) {
        try {
            X509CRL crl = CrlFile.read(crlFile).crl();
            crl.verify(ca.getPublicKey());
            if (crl.getNextUpdate() == null) {
                throw new PkiException("it has no next-update time");
            }
            return new Snapshot(
                    version, trustManagerWith(crl), crl.getNextUpdate().toInstant(), null);
        } catch (PkiException | GeneralSecurityException e) {
            return new Snapshot(
                    version,
                    null,
                    null,
                    new CertificateException("CRL " + crlFile + " is unusable: " + e.getMessage(), e));
        }
    }

    private X509ExtendedTrustManager trustManagerWith(X509CRL crl) throws GeneralSecurityException {
        PKIXBuilderParameters parameters =
                new PKIXBuilderParameters(Set.of(new TrustAnchor(ca, null)), new X509CertSelector());
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(List.of(crl))));
        PKIXRevocationChecker revocation =
                (PKIXRevocationChecker) CertPathBuilder.getInstance("PKIX").getRevocationChecker();
        revocation.setOptions(EnumSet.of(
                PKIXRevocationChecker.Option.PREFER_CRLS,
                PKIXRevocationChecker.Option.NO_FALLBACK,
                PKIXRevocationChecker.Option.ONLY_END_ENTITY));
        parameters.addCertPathChecker(revocation);
        parameters.setRevocationEnabled(true);
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(new CertPathTrustManagerParameters(parameters));
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new GeneralSecurityException("the PKIX trust manager factory offered no X509ExtendedTrustManager");
    }

    /** One state of the CRL file and the trust manager built from it, or why none could be. */
    private record Snapshot(
            Object version, X509ExtendedTrustManager manager, Instant nextUpdate, CertificateException failure) {
        X509ExtendedTrustManager trustManager(Path crlFile) throws CertificateException {
            if (failure != null) {
                throw new CertificateException(failure.getMessage(), failure);
            }
            if (Instant.now().isAfter(nextUpdate)) {
                throw new CertificateException("CRL " + crlFile + " is stale: its next update was due " + nextUpdate
                        + "; re-issue it (CaMain crl)");
            }
            return manager;
        }
    }
}
