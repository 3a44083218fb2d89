package org.meterguard.server.headend.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import org.meterguard.pki.CertificateAuthority;
import org.meterguard.pki.CollectorTls;
import org.meterguard.server.headend.HeadEndProperties;
import org.meterguard.server.headend.LabPki;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The head-end's side of the collectors' mutual TLS: a fresh server engine per connection (TLS 1.3 only, a client
 * certificate from the utility's collector CA required, its CRL checked at every handshake), or none in a lab.
 * For a first start in a lab or demo it creates the CA, the head-end's certificate and one demo collector's
 * certificate, each password generated into an owner-only file beside what it protects.
 */
@Component
class HeadEndTls {
    private static final Logger log = LoggerFactory.getLogger(HeadEndTls.class);
    private final HeadEndProperties.Tls settings;
    private final SecureRandom random = new SecureRandom();

    HeadEndTls(HeadEndProperties properties) {
        this.settings = properties.tls();
    }

    Optional<Supplier<SSLEngine>> engines() {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        if (settings.directory() == null || settings.directory().isBlank()) {
            throw new IllegalStateException("meterguard.headend.tls.directory is not set: the head-end needs its"
                    + " certificate (headend.p12) and the collector CA (ca/) there");
        }
        Path directory = Path.of(settings.directory());
        Path keystore = directory.resolve("headend.p12");
        if (!Files.exists(keystore) && settings.createIfMissing()) {
            createLabPki(directory);
        }
        CollectorTls tls = CollectorTls.server(keystore, password(directory), LabPki.caDirectory(directory));
        return Optional.of(tls::newServerEngine);
    }

    private char[] password(Path directory) {
        if (settings.keystorePassword() != null && !settings.keystorePassword().isBlank()) {
            return settings.keystorePassword().toCharArray();
        }
        try {
            return Files.readString(directory.resolve("headend.password"), StandardCharsets.US_ASCII)
                    .strip()
                    .toCharArray();
        } catch (IOException e) {
            throw new IllegalStateException("no password for " + directory.resolve("headend.p12")
                    + ": set MG_HEADEND_TLS_PASSWORD or put it in headend.password beside it");
        }
    }

    private void createLabPki(Path directory) {
        try {
            Files.createDirectories(directory);
            char[] caPassword = secret(directory.resolve("ca.password"));
            CertificateAuthority ca =
                    CertificateAuthority.create(directory.resolve("ca"), "Meterguard Lab", caPassword);
            ca.issueHeadEnd(hosts(), secret(directory.resolve("headend.password")))
                    .writeTo(directory.resolve("headend.p12"));
            Path bundle = LabPki.collectorBundle(directory, LabPki.DEMO_COLLECTOR);
            Files.createDirectories(bundle.getParent());
            ca.issueCollector(LabPki.DEMO_COLLECTOR, secret(bundle.resolveSibling(LabPki.DEMO_COLLECTOR + ".password")))
                    .writeTo(bundle);
            log.info(
                    "Created a lab collector CA in {}, the head-end's certificate and collector {}'s; passwords are in"
                            + " owner-only *.password files there. Issue and revoke collectors with the pki CLI; for"
                            + " production, create the CA offline.",
                    directory,
                    LabPki.DEMO_COLLECTOR);
        } catch (IOException e) {
            throw new IllegalStateException("could not create the lab PKI in " + directory + ": " + e.getMessage(), e);
        }
    }

    private List<String> hosts() {
        List<String> hosts = new ArrayList<>(List.of("localhost", "127.0.0.1"));
        try {
            String name = InetAddress.getLocalHost().getHostName();
            if (name.matches("[A-Za-z0-9.-]+") && !hosts.contains(name)) {
                hosts.add(name);
            }
        } catch (IOException e) {
            // localhost only
        }
        return hosts;
    }

    private char[] secret(Path file) throws IOException {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.writeString(
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                password + "\n",
                StandardCharsets.US_ASCII);
        return password.toCharArray();
    }
}
