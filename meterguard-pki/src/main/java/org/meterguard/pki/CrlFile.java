package org.meterguard.pki;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** A CRL read from a file, with its CRL number. */
record CrlFile(X509CRL crl, BigInteger number) {

    static CrlFile read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
            byte[] extension = crl.getExtensionValue(Extension.cRLNumber.getId());
            if (extension == null) {
                throw new PkiException(file + " has no CRL number");
            }
            BigInteger number = CRLNumber.getInstance(JcaX509ExtensionUtils.parseExtensionValue(extension))
                    .getCRLNumber();
            return new CrlFile(crl, number);
        } catch (IOException | CertificateException | CRLException e) {
            throw new PkiException("cannot read the CRL " + file + ": " + e.getMessage(), e);
        }
    }
}
