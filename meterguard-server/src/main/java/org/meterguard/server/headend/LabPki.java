package org.meterguard.server.headend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.meterguard.pki.CertificateAuthority;
import org.meterguard.pki.CollectorTls;

/**
 * Where the head-end's TLS material lives in its directory ({@code meterguard.headend.tls.directory}): the collector
 * CA in {@code ca/}, the head-end's certificate in {@code headend.p12}, and, in a lab or demo created on the first
 * start, collectors' certificates in {@code collectors/ID.p12}, each password in a {@code .password} file beside.
 */
public final class LabPki {
    /** The collector the demo fleet relays through. */
    public static final String DEMO_COLLECTOR = "DEMO-COLLECTOR-1";

    private LabPki() {}

    /** The CA directory. */
    public static Path caDirectory(Path directory) {
        return directory.resolve("ca");
    }

    /** A lab collector's PKCS#12 bundle. */
    public static Path collectorBundle(Path directory, String collectorId) {
        return directory.resolve("collectors").resolve(collectorId + ".p12");
    }

    /** The SSL context a lab collector connects with: its key, and the CA as the only trust anchor. */
    public static SSLContext collectorContext(Path directory, String collectorId) throws IOException {
        Path bundle = collectorBundle(directory, collectorId);
        char[] password = Files.readString(bundle.resolveSibling(collectorId + ".password"), StandardCharsets.US_ASCII)
                .strip()
                .toCharArray();
        return CollectorTls.clientContext(
                bundle, password, CertificateAuthority.readCertificate(caDirectory(directory)));
    }
}
