package org.meterguard.pki;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The collector CA's command line. Passwords come from the environment or from files, never from arguments, and are
 * never printed. Exit codes: 0 done, 1 failed (one line on standard error), 2 usage error.
 */
public final class CaMain {

    static final String USAGE = String.join(
            "\n",
            "usage: java -cp meterguard-pki.jar:bcprov.jar:bcpkix.jar:bcutil.jar org.meterguard.pki.CaMain COMMAND [OPTIONS]",
            "",
            "commands:",
            "  init             --dir D --name UTILITY",
            "                   create a collector CA in D (CN=UTILITY Collector CA, O=UTILITY)",
            "  issue-collector  --dir D --id COLLECTOR --out FILE.p12",
            "                   issue a collector's client certificate and key as a PKCS#12 file",
            "  issue-headend    --dir D --host NAME_OR_IP [--host NAME_OR_IP ...] --out FILE.p12",
            "                   issue the head-end's server certificate and key as a PKCS#12 file",
            "  revoke           --dir D (--id COLLECTOR | --serial HEX) [--reason REASON]",
            "                   revoke a certificate and re-issue the CRL (D/ca.crl)",
            "  crl              --dir D",
            "                   re-issue the CRL; head-ends refuse every collector once it is "
                    + CertificateAuthority.CRL_VALIDITY.toDays() + " days old",
            "  list             --dir D",
            "                   list the issued certificates",
            "",
            "passwords (never on the command line):",
            "  CA keystore D/ca.p12       MG_PKI_PASSWORD, or --password-file FILE",
            "  issued PKCS#12 files       MG_CERT_PASSWORD, or --cert-password-file FILE",
            "reasons: " + RevocationReason.names() + " (default unspecified)",
            "exit codes: 0 done, 1 failed, 2 usage error",
            "");

    private static final Set<String> REPEATABLE = Set.of("--host");
    private static final Set<String> KNOWN = Set.of(
            "--dir",
            "--name",
            "--id",
            "--out",
            "--host",
            "--serial",
            "--reason",
            "--password-file",
            "--cert-password-file");

    private final Map<String, String> env;
    private final PrintStream out;

    private CaMain(Map<String, String> env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs one command and returns its exit code; {@code env} stands for the process environment. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length == 0 || Set.of("help", "-h", "--help").contains(args[0])) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            Map<String, List<String>> options = parse(Arrays.copyOfRange(args, 1, args.length));
            new CaMain(env, out).dispatch(args[0], options);
            return 0;
        } catch (UsageError e) {
            err.println("usage error: " + e.getMessage());
            err.println("run with --help for usage");
            return 2;
        } catch (PkiException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("error: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    private void dispatch(String command, Map<String, List<String>> options) {
        switch (command) {
            case "init" -> init(options);
            case "issue-collector" -> issueCollector(options);
            case "issue-headend" -> issueHeadEnd(options);
            case "revoke" -> revoke(options);
            case "crl" -> refreshCrl(options);
            case "list" -> list(options);
            default -> throw new UsageError("unknown command '" + command + "'");
        }
    }

    private void init(Map<String, List<String>> options) {
        Path dir = Path.of(required(options, "--dir"));
        String name = required(options, "--name");
        char[] password = password(options, "--password-file", "MG_PKI_PASSWORD");
        try {
            CertificateAuthority ca = CertificateAuthority.create(dir, name, password);
            out.println("created " + ca.certificate().getSubjectX500Principal().getName() + " in " + dir);
            out.println("give the head-end " + dir.resolve(CertificateAuthority.CERTIFICATE_FILE) + " and "
                    + dir.resolve(CertificateAuthority.CRL_FILE));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void issueCollector(Map<String, List<String>> options) {
        String id = required(options, "--id");
        issue(options, (ca, password) -> ca.issueCollector(id, password));
    }

    private void issueHeadEnd(Map<String, List<String>> options) {
        List<String> hosts = options.getOrDefault("--host", List.of());
        if (hosts.isEmpty()) {
            throw new UsageError("issue-headend needs at least one --host");
        }
        issue(options, (ca, password) -> ca.issueHeadEnd(hosts, password));
    }

    private void issue(Map<String, List<String>> options, Issuer issuer) {
        Path dir = Path.of(required(options, "--dir"));
        Path target = Path.of(required(options, "--out"));
        if (Files.exists(target)) {
            throw new PkiException(target + " already exists; not overwriting it");
        }
        char[] caPassword = password(options, "--password-file", "MG_PKI_PASSWORD");
        char[] certPassword = null;
        try {
            certPassword = password(options, "--cert-password-file", "MG_CERT_PASSWORD");
            IssuedBundle bundle = issuer.issue(CertificateAuthority.open(dir, caPassword), certPassword);
            bundle.writeTo(target);
            IssuedCertificate entry = bundle.entry();
            out.println("issued " + entry.kind().label() + " " + entry.name() + ": serial " + entry.serialHex()
                    + ", valid until " + entry.notAfter() + ", written to " + target);
        } finally {
            Arrays.fill(caPassword, '\0');
            if (certPassword != null) {
                Arrays.fill(certPassword, '\0');
            }
        }
    }

    private void revoke(Map<String, List<String>> options) {
        Path dir = Path.of(required(options, "--dir"));
        String id = single(options, "--id");
        String serial = single(options, "--serial");
        if ((id == null) == (serial == null)) {
            throw new UsageError("revoke needs exactly one of --id and --serial");
        }
        String reasonName = single(options, "--reason");
        RevocationReason reason = reason(reasonName);
        char[] password = password(options, "--password-file", "MG_PKI_PASSWORD");
        try {
            CertificateAuthority ca = CertificateAuthority.open(dir, password);
            IssuedCertificate revoked =
                    id != null ? ca.revokeCollector(id, reason) : ca.revoke(parseSerial(serial), reason);
            out.println("revoked " + revoked.kind().label() + " " + revoked.name() + " (serial " + revoked.serialHex()
                    + ", " + reason.rfcName() + "); CRL re-issued in " + dir.resolve(CertificateAuthority.CRL_FILE));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void refreshCrl(Map<String, List<String>> options) {
        Path dir = Path.of(required(options, "--dir"));
        char[] password = password(options, "--password-file", "MG_PKI_PASSWORD");
        try {
            var crl = CertificateAuthority.open(dir, password).refreshCrl();
            out.println("CRL re-issued in " + dir.resolve(CertificateAuthority.CRL_FILE) + ", next update due "
                    + crl.getNextUpdate().toInstant());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void list(Map<String, List<String>> options) {
        Path dir = Path.of(required(options, "--dir"));
        if (!Files.exists(dir.resolve(CertificateIndex.FILE_NAME))) {
            throw new PkiException("no CA in " + dir + " (" + CertificateIndex.FILE_NAME + " is missing)");
        }
        Path index = dir.resolve(CertificateIndex.FILE_NAME);
        List<IssuedCertificate> entries;
        try {
            entries = CertificateIndex.read(index);
        } catch (IOException e) {
            throw new PkiException("cannot read " + index + ": " + e.getMessage(), e);
        }
        out.println(String.format("%-32s  %-9s  %-20s  %-20s  %s", "serial", "kind", "name", "not-after", "status"));
        Instant now = Instant.now();
        for (IssuedCertificate entry : entries) {
            out.println(String.format(
                    "%-32s  %-9s  %-20s  %-20s  %s",
                    entry.serialHex(), entry.kind().label(), entry.name(), entry.notAfter(), status(entry, now)));
        }
    }

    private static String status(IssuedCertificate entry, Instant now) {
        if (entry.isRevoked()) {
            return "revoked " + entry.revokedAt() + " " + entry.reason().rfcName();
        }
        return entry.isValidAt(now) ? "valid" : "expired";
    }

    private char[] password(Map<String, List<String>> options, String fileOption, String variable) {
        String file = single(options, fileOption);
        if (file != null) {
            return readPasswordFile(Path.of(file));
        }
        String value = env.get(variable);
        if (value == null || value.isEmpty()) {
            throw new UsageError("no password: set " + variable + " or pass " + fileOption + " FILE");
        }
        return value.toCharArray();
    }

    private static char[] readPasswordFile(Path file) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            int end = content.indexOf('\n');
            String line = end < 0 ? content : content.substring(0, end);
            return (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toCharArray();
        } catch (IOException e) {
            throw new PkiException("cannot read the password file " + file + ": " + e.getMessage(), e);
        }
    }

    private static RevocationReason reason(String name) {
        try {
            return name == null ? RevocationReason.UNSPECIFIED : RevocationReason.ofRfcName(name);
        } catch (PkiException e) {
            throw new UsageError(e.getMessage());
        }
    }

    private static BigInteger parseSerial(String hex) {
        try {
            return new BigInteger(hex, 16);
        } catch (NumberFormatException e) {
            throw new UsageError("--serial '" + hex + "' is not a hexadecimal number");
        }
    }

    private static Map<String, List<String>> parse(String[] args) {
        Map<String, List<String>> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i];
            if (!KNOWN.contains(option)) {
                throw new UsageError("unknown option '" + option + "'");
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new UsageError(option + " needs a value");
            }
            List<String> values = options.computeIfAbsent(option, key -> new ArrayList<>());
            if (!values.isEmpty() && !REPEATABLE.contains(option)) {
                throw new UsageError(option + " given more than once");
            }
            values.add(args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, List<String>> options, String option) {
        String value = single(options, option);
        if (value == null || value.isBlank()) {
            throw new UsageError("missing " + option);
        }
        return value;
    }

    private static String single(Map<String, List<String>> options, String option) {
        List<String> values = options.get(option);
        return values == null ? null : values.get(0);
    }

    @FunctionalInterface
    private interface Issuer {
        IssuedBundle issue(CertificateAuthority ca, char[] password);
    }

    /** A command line that does not say what to do; exit code 2. */
    private static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }
}
