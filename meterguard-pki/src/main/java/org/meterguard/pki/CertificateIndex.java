package org.meterguard.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The issued-certificates index, {@code index.tsv}: a header, then one tab-separated line per certificate.
 *
 * <pre>
 * serial   kind       name    not-after             status   revoked-at            reason         subject
 * 5f3a…    collector  C-0001  2027-05-01T10:00:00Z  revoked  2025-06-02T08:00:00Z  keyCompromise  CN=C-0001,OU=…
 * </pre>
 *
 * Absent values are written as {@code -}. The subject comes last because it is the only free-form column.
 */
final class CertificateIndex {

    static final String FILE_NAME = "index.tsv";
    private static final String HEADER = "# Meterguard collector CA: issued certificates, one per line, tab-separated\n"
            + "# serial\tkind\tname\tnot-after\tstatus\trevoked-at\treason\tsubject\n";
    private static final String ABSENT = "-";

    private CertificateIndex() {}

    static List<IssuedCertificate> read(Path file) throws IOException {
        List<IssuedCertificate> entries = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            entries.add(parse(file, lineNumber, line));
        }
        return entries;
    }

    static void write(Path file, List<IssuedCertificate> entries) throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        for (IssuedCertificate entry : entries) {
            text.append(format(entry)).append('\n');
        }
        SecureFiles.replace(file, text.toString().getBytes(StandardCharsets.UTF_8), false);
    }

    static String format(IssuedCertificate entry) {
        return String.join(
                "\t",
                entry.serialHex(),
                entry.kind().label(),
                entry.name(),
                entry.notAfter().toString(),
                entry.isRevoked() ? "revoked" : "valid",
                entry.isRevoked() ? entry.revokedAt().toString() : ABSENT,
                entry.isRevoked() ? entry.reason().rfcName() : ABSENT,
                entry.subject());
    }

    private static IssuedCertificate parse(Path file, int lineNumber, String line) {
        String[] fields = line.split("\t", 8);
        try {
            if (fields.length != 8) {
                throw new IllegalArgumentException("expected 8 tab-separated fields, found " + fields.length);
            }
            boolean revoked =
                    switch (fields[4]) {
                        case "valid" -> false;
                        case "revoked" -> true;
                        default ->
                            throw new IllegalArgumentException(
                                    "status '" + fields[4] + "' is neither valid nor revoked");
                    };
            return new IssuedCertificate(
                    new BigInteger(fields[0], 16),
                    CertificateKind.ofLabel(fields[1]),
                    fields[2],
                    fields[7],
                    Instant.parse(fields[3]),
                    revoked ? Instant.parse(fields[5]) : null,
                    revoked ? RevocationReason.ofRfcName(fields[6]) : null);
        } catch (IllegalArgumentException | DateTimeParseException | PkiException e) {
            throw new PkiException(file + " line " + lineNumber + " is malformed: " + e.getMessage(), e);
        }
    }
}
