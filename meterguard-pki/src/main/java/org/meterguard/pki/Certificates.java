package org.meterguard.pki;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * Builds the CA's certificates and CRLs with BouncyCastle's builders; keys and signatures come from the JDK's own
 * providers (no provider is registered globally).
 */
final class Certificates {

    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    private Certificates() {}

    static KeyPair newKeyPair(SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }

    /** A positive 128-bit random serial number. */
    static BigInteger newSerial(SecureRandom random) {
        BigInteger serial;
        do {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            serial = new BigInteger(1, bytes);
        } while (serial.signum() == 0);
        return serial;
    }

    static X500Name name(String organization, String unit, String commonName) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, organization);
        if (unit != null) {
            builder.addRDN(BCStyle.OU, unit);
        }
        return builder.addRDN(BCStyle.CN, commonName).build();
    }

    static X509Certificate selfSignedCa(X500Name subject, KeyPair keys, BigInteger serial, Instant from, Instant to)
            throws Exception {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                        subject, serial, Date.from(from), Date.from(to), subject, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(
                        Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
        return sign(builder, keys.getPrivate());
    }

    static X509Certificate collector(
            X500Name subject, PublicKey key, Signer ca, BigInteger serial, Instant from, Instant to) throws Exception {
        X509v3CertificateBuilder builder = endEntity(subject, key, ca, serial, from, to)
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        return sign(builder, ca.key());
    }

    static X509Certificate headEnd(
            X500Name subject, List<String> hosts, PublicKey key, Signer ca, BigInteger serial, Instant from, Instant to)
            throws Exception {
        GeneralName[] names = hosts.stream()
                .map(host ->
                        new GeneralName(IPAddress.isValid(host) ? GeneralName.iPAddress : GeneralName.dNSName, host))
                .toArray(GeneralName[]::new);
        X509v3CertificateBuilder builder = endEntity(subject, key, ca, serial, from, to)
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        return sign(builder, ca.key());
    }

    /** A v2 CRL listing every revoked entry, with a CRL number and the CA's key identifier. */
    static X509CRL crl(Signer ca, List<IssuedCertificate> revoked, BigInteger number, Instant thisUpdate, Instant next)
            throws Exception {
        X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca.certificate(), Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(next));
        for (IssuedCertificate entry : revoked) {
            builder.addCRLEntry(
                    entry.serial(), Date.from(entry.revokedAt()), entry.reason().code());
        }
        builder.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
        builder.addExtension(
                Extension.authorityKeyIdentifier,
                false,
                new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
        ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(ca.key());
        return new JcaX509CRLConverter().getCRL(builder.build(signer));
    }

    private static X509v3CertificateBuilder endEntity(
            X500Name subject, PublicKey key, Signer ca, BigInteger serial, Instant from, Instant to) throws Exception {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        return new JcaX509v3CertificateBuilder(ca.certificate(), serial, Date.from(from), Date.from(to), subject, key)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key))
                .addExtension(
                        Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(ca.certificate()));
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws Exception {
        ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key);
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    /** The certificate in PEM form. */
    static byte[] pem(X509Certificate certificate) throws java.security.cert.CertificateEncodingException {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded());
        return ("-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The single value of attribute {@code type} (e.g. "CN") in a distinguished name. */
    static String rdn(X500Principal principal, String type) {
        RDN[] rdns = X500Name.getInstance(principal.getEncoded()).getRDNs(BCStyle.INSTANCE.attrNameToOID(type));
        if (rdns.length != 1 || rdns[0].isMultiValued()) {
            throw new PkiException("expected exactly one " + type + " in " + principal.getName());
        }
        if (!(rdns[0].getFirst().getValue() instanceof ASN1String value)) {
            throw new PkiException(type + " in " + principal.getName() + " is not a string");
        }
        return value.getString();
    }

    /** The CA's certificate and private key, as needed to sign. */
    record Signer(X509Certificate certificate, PrivateKey key) {
        @Override
        public String toString() {
            return "Signer[" + certificate.getSubjectX500Principal() + ", key=<redacted>]";
        }
    }
}
