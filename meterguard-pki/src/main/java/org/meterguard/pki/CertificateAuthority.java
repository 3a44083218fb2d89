package org.meterguard.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * The utility's collector CA, kept in one directory:
 *
 * <pre>
 * ca.p12     the CA key and certificate, PKCS#12 under the CA password, owner-only (0600); the directory is 0700
 * ca.pem     the CA certificate: the trust anchor collectors and the head-end are given
 * ca.crl     the current X.509 v2 CRL (DER), re-issued on every revocation with a rising CRL number
 * index.tsv  every issued certificate: serial, kind, name, not-after, status, revocation time and reason, subject
 * .lock      taken while the index or CRL change, so two processes never interleave
 * </pre>
 *
 * The head-end needs only {@code ca.pem} and {@code ca.crl}. A collector id holds at most one valid certificate at a
 * time. Keys are ECDSA P-256, signatures SHA-256; serials are 128-bit random. Passwords are used, never stored,
 * logged or put in a message. Instances are safe for use by several threads.
 */
public final class CertificateAuthority {

    static final String KEYSTORE_FILE = "ca.p12";
    static final String CERTIFICATE_FILE = "ca.pem";
    static final String CRL_FILE = "ca.crl";
    private static final String LOCK_FILE = ".lock";
    private static final String CA_ALIAS = "collector-ca";
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** How long a CRL is good for; a head-end refuses every collector once its CRL is past this. */
    static final Duration CRL_VALIDITY = Duration.ofDays(30);

    private final Path dir;
    private final Certificates.Signer signer;
    private final String organization;
    private final SecureRandom random = new SecureRandom();

    private CertificateAuthority(Path dir, Certificates.Signer signer) {
        this.dir = dir;
        this.signer = signer;
        this.organization = Certificates.rdn(signer.certificate().getSubjectX500Principal(), "O");
    }

    /**
     * Creates a new CA in {@code dir} with the subject "CN=&lt;utility&gt; Collector CA, O=&lt;utility&gt;", a ten-year
     * validity and an empty CRL.
     *
     * @throws PkiException if a CA already exists there, the name is unusable or the password shorter than 12
     */
    public static CertificateAuthority create(Path dir, String utility, char[] password) {
        Checks.requireUtilityName(utility);
        Checks.requirePassword(password, Checks.MIN_CA_PASSWORD, "CA password");
        if (Files.exists(dir.resolve(KEYSTORE_FILE))) {
            throw new PkiException("a CA already exists in " + dir + " (" + KEYSTORE_FILE + "); not replacing it");
        }
        try {
            SecureFiles.createOwnerOnlyDirectory(dir);
            SecureRandom random = new SecureRandom();
            KeyPair keys = Certificates.newKeyPair(random);
            Instant now = Instant.now();
            X500Name subject = Certificates.name(utility.strip(), null, utility.strip() + " Collector CA");
            X509Certificate certificate = Certificates.selfSignedCa(
                    subject, keys, Certificates.newSerial(random), now.minus(CLOCK_SKEW), plusYears(now, 10));
            byte[] p12 = Pkcs12.bundle(CA_ALIAS, keys.getPrivate(), new Certificate[] {certificate}, password);
            SecureFiles.writeNew(dir.resolve(KEYSTORE_FILE), p12);
            SecureFiles.replace(dir.resolve(CERTIFICATE_FILE), Certificates.pem(certificate), false);
            CertificateAuthority ca =
                    new CertificateAuthority(dir, new Certificates.Signer(certificate, keys.getPrivate()));
            ca.locked(() -> {
                CertificateIndex.write(ca.indexFile(), List.of());
                ca.publishCrl(List.of(), BigInteger.ONE, now, now.plus(CRL_VALIDITY));
                return null;
            });
            return ca;
        } catch (PkiException e) {
            throw e;
        } catch (Exception e) {
            throw new PkiException("cannot create a CA in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the CA in {@code dir}.
     *
     * @throws PkiException if there is none, or the password is wrong
     */
    public static CertificateAuthority open(Path dir, char[] password) {
        Path file = dir.resolve(KEYSTORE_FILE);
        if (!Files.exists(file)) {
            throw new PkiException("no CA in " + dir + " (" + KEYSTORE_FILE + " is missing); run init first");
        }
        KeyStore store = Pkcs12.load(file, password);
        try {
            String alias = Pkcs12.keyAlias(store, file.toString());
            PrivateKey key = (PrivateKey) store.getKey(alias, password);
            X509Certificate certificate = (X509Certificate) store.getCertificate(alias);
            return new CertificateAuthority(dir, new Certificates.Signer(certificate, key));
        } catch (java.security.GeneralSecurityException e) {
            throw new PkiException("cannot read the CA key from " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the CA certificate ({@code ca.pem}) from a CA directory or a copy of it; no password is needed. */
    public static X509Certificate readCertificate(Path dir) {
        Path file = dir.resolve(CERTIFICATE_FILE);
        try (var in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | java.security.cert.CertificateException e) {
            throw new PkiException("cannot read the CA certificate " + file + ": " + e.getMessage(), e);
        }
    }

    public X509Certificate certificate() {
        return signer.certificate();
    }

    public Path directory() {
        return dir;
    }

    /**
     * Issues a collector's client certificate (CN=collectorId, OU=collectors, EKU clientAuth, two years) and returns
     * it with a new key as a PKCS#12 bundle under {@code bundlePassword}.
     *
     * @throws CollectorAlreadyCertified if the collector already holds a valid certificate
     * @throws PkiException if the id is not 1–64 letters, digits, '.', '_' or '-'
     */
    public IssuedBundle issueCollector(String collectorId, char[] bundlePassword) {
        Instant now = Instant.now();
        return issueCollector(collectorId, bundlePassword, now.minus(CLOCK_SKEW), plusYears(now, 2));
    }

    /** Test hook: a collector certificate with a chosen validity (for example one already expired). */
    synchronized IssuedBundle issueCollector(String collectorId, char[] bundlePassword, Instant from, Instant to) {
        Checks.requireCollectorId(collectorId);
        Checks.requirePassword(bundlePassword, Checks.MIN_BUNDLE_PASSWORD, "certificate password");
        return locked(() -> {
            List<IssuedCertificate> index = CertificateIndex.read(indexFile());
            Instant now = Instant.now();
            for (IssuedCertificate entry : index) {
                if (entry.kind() == CertificateKind.COLLECTOR
                        && entry.name().equals(collectorId)
                        && entry.isValidAt(now)) {
                    throw new CollectorAlreadyCertified(collectorId, entry.serialHex());
                }
            }
            KeyPair keys = Certificates.newKeyPair(random);
            BigInteger serial = freshSerial(index);
            X500Name subject = Certificates.name(organization, "collectors", collectorId);
            X509Certificate certificate = Certificates.collector(subject, keys.getPublic(), signer, serial, from, to);
            return record(
                    index, CertificateKind.COLLECTOR, collectorId, certificate, keys.getPrivate(), bundlePassword);
        });
    }

    /**
     * Issues the head-end's server certificate for the given DNS names and IP addresses (SAN entries, EKU serverAuth,
     * two years; CN is the first host) as a PKCS#12 bundle under {@code bundlePassword}.
     */
    public synchronized IssuedBundle issueHeadEnd(List<String> hosts, char[] bundlePassword) {
        Checks.requireHosts(hosts);
        Checks.requirePassword(bundlePassword, Checks.MIN_BUNDLE_PASSWORD, "certificate password");
        Instant now = Instant.now();
        return locked(() -> {
            List<IssuedCertificate> index = CertificateIndex.read(indexFile());
            KeyPair keys = Certificates.newKeyPair(random);
            BigInteger serial = freshSerial(index);
            X500Name subject = Certificates.name(organization, "head-end", hosts.get(0));
            X509Certificate certificate = Certificates.headEnd(
                    subject,
                    List.copyOf(hosts),
                    keys.getPublic(),
                    signer,
                    serial,
                    now.minus(CLOCK_SKEW),
                    plusYears(now, 2));
            return record(index, CertificateKind.HEADEND, hosts.get(0), certificate, keys.getPrivate(), bundlePassword);
        });
    }

    /**
     * Revokes the collector's current certificate (the most recent one not yet revoked) and re-issues the CRL.
     *
     * @throws PkiException naming the collector when it has no certificate that is not already revoked
     */
    public synchronized IssuedCertificate revokeCollector(String collectorId, RevocationReason reason) {
        return locked(() -> {
            List<IssuedCertificate> index = CertificateIndex.read(indexFile());
            for (int i = index.size() - 1; i >= 0; i--) {
                IssuedCertificate entry = index.get(i);
                if (entry.kind() == CertificateKind.COLLECTOR
                        && entry.name().equals(collectorId)
                        && !entry.isRevoked()) {
                    return revokeAt(index, i, reason);
                }
            }
            throw new PkiException("collector " + collectorId + " has no certificate that is not already revoked");
        });
    }

    /** Revokes the certificate with this serial (collector or head-end) and re-issues the CRL. */
    public synchronized IssuedCertificate revoke(BigInteger serial, RevocationReason reason) {
        return locked(() -> {
            List<IssuedCertificate> index = CertificateIndex.read(indexFile());
            for (int i = 0; i < index.size(); i++) {
                if (index.get(i).serial().equals(serial)) {
                    if (index.get(i).isRevoked()) {
                        throw new PkiException("serial " + serial.toString(16) + " ("
                                + index.get(i).name() + ") is already revoked since "
                                + index.get(i).revokedAt());
                    }
                    return revokeAt(index, i, reason);
                }
            }
            throw new PkiException("no certificate with serial " + serial.toString(16) + " was issued by this CA");
        });
    }

    /** Re-issues the CRL with a new number and a fresh next-update, as must be done before {@link #CRL_VALIDITY}. */
    public synchronized X509CRL refreshCrl() {
        Instant now = Instant.now();
        return refreshCrl(now, now.plus(CRL_VALIDITY));
    }

    /** Test hook: a CRL with a chosen validity (for example one already stale). */
    synchronized X509CRL refreshCrl(Instant thisUpdate, Instant nextUpdate) {
        return locked(() ->
                publishCrl(revokedIn(CertificateIndex.read(indexFile())), nextCrlNumber(), thisUpdate, nextUpdate));
    }

    /** Every certificate this CA has issued, oldest first. */
    public List<IssuedCertificate> list() {
        try {
            return List.copyOf(CertificateIndex.read(indexFile()));
        } catch (IOException e) {
            throw new PkiException("cannot read " + indexFile() + ": " + e.getMessage(), e);
        }
    }

    private IssuedCertificate revokeAt(List<IssuedCertificate> index, int i, RevocationReason reason) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        IssuedCertificate revoked = index.get(i).revoked(now, reason == null ? RevocationReason.UNSPECIFIED : reason);
        List<IssuedCertificate> updated = new ArrayList<>(index);
        updated.set(i, revoked);
        // The CRL first: once it is out the revocation is in force, and a failed index write can be redone.
        publishCrl(revokedIn(updated), nextCrlNumber(), now, now.plus(CRL_VALIDITY));
        CertificateIndex.write(indexFile(), updated);
        return revoked;
    }

    private IssuedBundle record(
            List<IssuedCertificate> index,
            CertificateKind kind,
            String name,
            X509Certificate certificate,
            PrivateKey key,
            char[] password)
            throws Exception {
        IssuedCertificate entry = new IssuedCertificate(
                certificate.getSerialNumber(),
                kind,
                name,
                certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
                certificate.getNotAfter().toInstant(),
                null,
                null);
        byte[] p12 = Pkcs12.bundle(name, key, new Certificate[] {certificate, signer.certificate()}, password);
        List<IssuedCertificate> updated = new ArrayList<>(index);
        updated.add(entry);
        CertificateIndex.write(indexFile(), updated);
        return new IssuedBundle(entry, certificate, p12);
    }

    private X509CRL publishCrl(List<IssuedCertificate> revoked, BigInteger number, Instant thisUpdate, Instant next)
            throws Exception {
        X509CRL crl = Certificates.crl(signer, revoked, number, thisUpdate, next);
        SecureFiles.replace(dir.resolve(CRL_FILE), crl.getEncoded(), false);
        return crl;
    }

    private BigInteger nextCrlNumber() {
        return CrlFile.read(dir.resolve(CRL_FILE)).number().add(BigInteger.ONE);
    }

    private static List<IssuedCertificate> revokedIn(List<IssuedCertificate> index) {
        return index.stream().filter(IssuedCertificate::isRevoked).toList();
    }

    private BigInteger freshSerial(List<IssuedCertificate> index) {
        BigInteger serial;
        do {
            serial = Certificates.newSerial(random);
        } while (isTaken(serial, index));
        return serial;
    }

    private boolean isTaken(BigInteger serial, List<IssuedCertificate> index) {
        return serial.equals(signer.certificate().getSerialNumber())
                || index.stream().anyMatch(e -> e.serial().equals(serial));
    }

    private Path indexFile() {
        return dir.resolve(CertificateIndex.FILE_NAME);
    }

    @SuppressWarnings("try") // the lock is held for the block, not used in it
    private <T> T locked(Action<T> action) {
        try (FileChannel channel =
                        FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            return action.run();
        } catch (PkiException e) {
            throw e;
        } catch (Exception e) {
            throw new PkiException("CA operation in " + dir + " failed: " + e.getMessage(), e);
        }
    }

    private static Instant plusYears(Instant from, int years) {
        return from.atOffset(ZoneOffset.UTC).plusYears(years).toInstant();
    }

    @FunctionalInterface
    private interface Action<T> {
        T run() throws Exception;
    }
}
