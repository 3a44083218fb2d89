package org.meterguard.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * The offline verifier's command line: one line on standard output with the verdict, and the exit code of its
 * {@link VerificationOutcome} (0 verified, 3 to 8 one per failure class); 1 if it could not run, 2 for a usage
 * error (messages for both on standard error). Needs only this module's jar and BouncyCastle's provider jar.
 */
public final class AuditVerifyMain {
    /** Exit code when the export or key could not be read. */
    public static final int EXIT_ERROR = 1;
    /** Exit code for a usage error. */
    public static final int EXIT_USAGE = 2;

    static final String USAGE = String.join(
            "\n",
            "usage: java -cp meterguard-audit.jar:bcprov-jdk18on.jar org.meterguard.audit.AuditVerifyMain \\",
            "           --key PUBLIC_KEY_FILE [--head TREE_HEAD_FILE] [--threads N] EXPORT_FILE",
            "",
            "Proves an audit log export complete and unaltered, or names the first entry or signed tree head",
            "that breaks and how.",
            "",
            "  --key   the log's Ed25519 public key: PEM (PUBLIC KEY), DER SubjectPublicKeyInfo, 32 raw bytes,",
            "          or 64 hex digits",
            "  --head  a signed tree head obtained apart from the export (146 bytes, or 292 hex digits); the",
            "          export must reach it and agree with it, which catches an export cut short after an",
            "          earlier head",
            "  --threads  threads to hash on (default: one per processor); the answer is the same",
            "",
            "exit codes:",
            "  0  verified",
            "  1  could not run: a file is missing or unreadable",
            "  2  usage error",
            "  3  malformed export: not an export, or holds what an export never does",
            "  4  an entry was changed",
            "  5  an entry is missing (deleted)",
            "  6  entries or signed tree heads are out of order, or an entry is repeated",
            "  7  the export was truncated",
            "  8  a signed tree head is damaged, forged, altered or signed by another key",
            "");

    private AuditVerifyMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the verifier and returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.print(USAGE);
            return 0;
        }
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("usage error: " + e.getMessage());
            err.print(USAGE);
            return EXIT_USAGE;
        }
        try {
            TreeHeadPublicKey key = readKey(arguments.key());
            SignedTreeHead trusted = arguments.head() == null ? null : readHead(arguments.head());
            ExportVerifier verifier = new ExportVerifier(key, arguments.threads());
            long start = System.nanoTime();
            VerificationResult result = trusted == null
                    ? verifier.verify(arguments.export())
                    : verifier.verify(arguments.export(), trusted);
            double seconds = (System.nanoTime() - start) / 1e9;
            out.println(
                    result.verified()
                            ? result.message() + String.format(" (verified in %.2f s)", seconds)
                            : "FAILED, " + result.outcome().label() + ": " + result.message());
            return result.outcome().exitCode();
        } catch (UsageError e) {
            err.println("usage error: " + e.getMessage());
            return EXIT_USAGE;
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return EXIT_ERROR;
        }
    }

    private static TreeHeadPublicKey readKey(Path file) {
        try {
            return TreeHeadPublicKey.parse(read(file, "public key"));
        } catch (IllegalArgumentException e) {
            throw new UsageError(file + " holds no Ed25519 public key: " + e.getMessage());
        }
    }

    private static SignedTreeHead readHead(Path file) {
        byte[] bytes = read(file, "tree head");
        String text = new String(bytes, StandardCharsets.ISO_8859_1).strip();
        try {
            boolean hex = text.length() == 2 * TreeHeadDescriptor.ENCODED_LENGTH;
            return SignedTreeHead.decode(hex ? HexFormat.of().parseHex(text) : bytes);
        } catch (IllegalArgumentException e) {
            throw new UsageError(file + " holds no signed tree head: " + e.getMessage());
        }
    }

    private static byte[] read(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("no " + what + " file " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + what + " file " + file + ": " + e, e);
        }
    }

    /** A usage error found after parsing: a key or head file that holds no key or head. */
    private static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    /** The parsed command line. */
    private record Arguments(Path key, Path head, int threads, Path export) {
        static Arguments parse(String[] args) {
            Path key = null;
            Path head = null;
            int threads = Runtime.getRuntime().availableProcessors();
            Path export = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--key" -> key = Path.of(value(args, ++i, "--key"));
                    case "--head" -> head = Path.of(value(args, ++i, "--head"));
                    case "--threads" -> threads = threads(value(args, ++i, "--threads"));
                    default -> {
                        if (args[i].startsWith("--") || export != null) {
                            throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
                        }
                        export = Path.of(args[i]);
                    }
                }
            }
            if (key == null || export == null) {
                throw new IllegalArgumentException("--key and an export file are required");
            }
            return new Arguments(key, head, threads, export);
        }

        private static int threads(String value) {
            try {
                int threads = Integer.parseInt(value);
                if (threads >= 1 && threads <= 256) {
                    return threads;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--threads needs a number from 1 to 256, not '" + value + "'");
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a file");
            }
            return args[i];
        }
    }
}
