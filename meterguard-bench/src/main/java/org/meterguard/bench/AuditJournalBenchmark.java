package org.meterguard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import org.meterguard.audit.AuditEvent;
import org.meterguard.audit.AuditJournal;
import org.meterguard.audit.ExportVerifier;
import org.meterguard.audit.JournalSettings;
import org.meterguard.audit.TreeHeadSigner;
import org.meterguard.audit.TreeHeadSigningKey;
import org.meterguard.audit.VerificationResult;

/**
 * The audit journal, durably: appends per second with group commit from several threads and their append-to-durable
 * latency (from the moment an append was due to the moment its acknowledgement completed, so a stalled writer shows
 * in the latency rather than hiding it), against a baseline of one fsync per entry in the same run; then the offline
 * verifier's entries per second over an export of ten million entries, on one thread and on one per processor.
 *
 * <p>Runs, after an unreported warm-up of the same kind: (1) saturated: each thread keeps up to {@code --window}
 * appends outstanding, for the most entries per second; (2) paced: appends offered at {@code --rate} per second in
 * all, for the latency at a given load; (3) the baseline, saturated, with one entry per fsync. Entries are canonical
 * {@link AuditEvent}s of 169 bytes. A fixed heap keeps the heap's growth (young pauses of 50 to 120 ms on two busy
 * cores) out of the latencies, as a server configured with -Xms would.
 *
 * <pre>
 * ./mvnw -q -DskipTests package -pl meterguard-bench -am &amp;&amp; java -Xms4g -Xmx4g -XX:+AlwaysPreTouch \
 *     -cp meterguard-bench/target/benchmarks.jar org.meterguard.bench.AuditJournalBenchmark [--threads 8]
 *     [--window 256] [--warmup-entries 1000000] [--entries 4000000] [--rate 200000] [--paced-seconds 10]
 *     [--baseline-entries 20000] [--verify-entries 10000000] [--dir DIR]
 * </pre>
 */
public final class AuditJournalBenchmark {
    private static final int DISTINCT_ENTRIES = 4096;
    private static final long PACING_TICK_NANOS = 100_000;

    private AuditJournalBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int threads = Integer.parseInt(options.getOrDefault("threads", "8"));
        int window = Integer.parseInt(options.getOrDefault("window", "256"));
        long warmup = Long.parseLong(options.getOrDefault("warmup-entries", "1000000"));
        long entries = Long.parseLong(options.getOrDefault("entries", "4000000"));
        long rate = Long.parseLong(options.getOrDefault("rate", "200000"));
        int pacedSeconds = Integer.parseInt(options.getOrDefault("paced-seconds", "10"));
        long baselineEntries = Long.parseLong(options.getOrDefault("baseline-entries", "20000"));
        long verifyEntries = Long.parseLong(options.getOrDefault("verify-entries", "10000000"));
        Path root = options.containsKey("dir")
                ? Files.createDirectories(Path.of(options.get("dir")))
                : Files.createTempDirectory("meterguard-audit-bench");
        byte[][] pool = entries();
        TreeHeadSigner signer = new TreeHeadSigner(TreeHeadSigningKey.generate(new java.security.SecureRandom()));
        System.out.printf(
                "Audit journal: %d threads, %d processors, entries of %d bytes, journal in %s%n",
                threads, Runtime.getRuntime().availableProcessors(), pool[0].length, root);

        List<Result> results = new ArrayList<>();
        JournalSettings group = JournalSettings.defaults();
        if (warmup > 0) {
            appendRun("warm-up (not reported)", root, signer, group, pool, threads, window, warmup, 0);
        }
        results.add(appendRun("group commit, saturated", root, signer, group, pool, threads, window, entries, 0));
        if (pacedSeconds > 0 && rate > 0) {
            results.add(appendRun(
                    "group commit, paced at " + rate + "/s",
                    root,
                    signer,
                    group,
                    pool,
                    threads,
                    window,
                    rate * pacedSeconds,
                    rate));
        }
        if (baselineEntries > 0) {
            JournalSettings perEntry = group.withMaxBatchEntries(1);
            results.add(appendRun(
                    "baseline: one fsync per entry",
                    root,
                    signer,
                    perEntry,
                    pool,
                    threads,
                    window,
                    baselineEntries,
                    0));
        }
        printAppends(results);
        if (verifyEntries > 0) {
            verifyRun(root, signer, pool, verifyEntries);
        }
        TempDirectories.delete(root);
    }

    private record Result(String name, long entries, double seconds, long[] latencies) {}

    private static Result appendRun(
            String name,
            Path root,
            TreeHeadSigner signer,
            JournalSettings settings,
            byte[][] pool,
            int threads,
            int window,
            long entries,
            long rate)
            throws Exception {
        Path dir = root.resolve("journal-" + System.nanoTime());
        settle();
        long[][] latencies = new long[threads][];
        long start;
        long end;
        try (AuditJournal journal = AuditJournal.open(dir, signer, settings)) {
            journal.append(pool[0]).join(); // the first segment and the writer thread exist
            List<Thread> appenders = new ArrayList<>();
            start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                long count = entries / threads + (t < entries % threads ? 1 : 0);
                latencies[t] = new long[(int) count];
                Appender appender = new Appender(journal, pool, latencies[t], window, rate / (double) threads, t);
                Thread thread = new Thread(appender, "appender-" + t);
                appenders.add(thread);
                thread.start();
            }
            for (Thread thread : appenders) {
                thread.join();
            }
            end = System.nanoTime();
        }
        TempDirectories.delete(dir);
        long[] all =
                Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        Result result = new Result(name, all.length, (end - start) / 1e9, all);
        System.out.printf(
                "  %-40s %,12d entries in %6.2f s: %,12.0f entries/s, p50 %s, p99 %s%n",
                name,
                result.entries,
                result.seconds,
                result.entries / result.seconds,
                millis(all, 0.50),
                millis(all, 0.99));
        return result;
    }

    /**
     * One appending thread: saturated (at most {@code window} appends outstanding) when {@code rate} is 0, otherwise
     * offering its share of the rate on a fixed schedule, each append's latency counted from when it was due.
     */
    private static final class Appender implements Runnable {
        private final AuditJournal journal;
        private final byte[][] pool;
        private final long[] latencies;
        private final Semaphore outstanding;
        private final int window;
        private final double perSecond;
        private final int offset;

        Appender(AuditJournal journal, byte[][] pool, long[] latencies, int window, double perSecond, int offset) {
            this.journal = journal;
            this.pool = pool;
            this.latencies = latencies;
            this.outstanding = new Semaphore(window);
            this.window = window;
            this.perSecond = perSecond;
            this.offset = offset;
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            double interval = perSecond > 0 ? 1e9 / perSecond : 0;
            for (int i = 0; i < latencies.length; i++) {
                long due = perSecond > 0 ? start + (long) (i * interval) : System.nanoTime();
                long now = System.nanoTime();
                if (due > now) {
                    // Ticks of at least 100 us, then everything due: a wake-up per append would cost the harness
                    // more CPU than the journal. Latency still counts from when each append was due.
                    LockSupport.parkNanos(Math.max(due - now, PACING_TICK_NANOS));
                }
                outstanding.acquireUninterruptibly();
                int slot = i;
                journal.append(pool[(offset * 7919 + i) % pool.length]).whenComplete((index, failure) -> {
                    latencies[slot] = failure == null ? System.nanoTime() - due : Long.MAX_VALUE;
                    outstanding.release();
                });
            }
            outstanding.acquireUninterruptibly(window); // the last acknowledgements
        }
    }

    private static void printAppends(List<Result> results) {
        System.out.println();
        System.out.println("| run | entries | seconds | entries/s | p50 ms | p99 ms | p99.9 ms | max ms |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Result r : results) {
            System.out.printf(
                    "| %s | %,d | %.2f | %,.0f | %s | %s | %s | %s |%n",
                    r.name,
                    r.entries,
                    r.seconds,
                    r.entries / r.seconds,
                    millis(r.latencies, 0.50),
                    millis(r.latencies, 0.99),
                    millis(r.latencies, 0.999),
                    millis(r.latencies, 1.0));
        }
        Result first = results.get(0);
        Result last = results.get(results.size() - 1);
        if (results.size() > 1 && last.name.startsWith("baseline")) {
            System.out.printf(
                    "%nGroup commit appends %.0fx the entries per second of one fsync per entry.%n",
                    (first.entries / first.seconds) / (last.entries / last.seconds));
        }
    }

    private static void verifyRun(Path root, TreeHeadSigner signer, byte[][] pool, long entries) throws Exception {
        Path dir = root.resolve("verify-journal");
        Path export = root.resolve("export.mgaudit");
        long start = System.nanoTime();
        try (AuditJournal journal = AuditJournal.open(dir, signer)) {
            int threads = 2;
            List<Thread> appenders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long[] sink = new long[(int) (entries / threads + (t < entries % threads ? 1 : 0))];
                Thread thread = new Thread(new Appender(journal, pool, sink, 4096, 0, t));
                appenders.add(thread);
                thread.start();
            }
            for (Thread thread : appenders) {
                thread.join();
            }
            journal.exportTo(export);
        }
        double written = (System.nanoTime() - start) / 1e9;
        TempDirectories.delete(dir);
        System.out.printf(
                "%nVerification: %,d entries appended and exported in %.1f s; export %,d bytes%n",
                entries, written, Files.size(export));
        System.out.println();
        System.out.println("| verification run | threads | entries | seconds | entries/s | MB/s | result |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
        int processors = Runtime.getRuntime().availableProcessors();
        for (int threads : processors > 1 ? new int[] {1, processors} : new int[] {1}) {
            ExportVerifier verifier = new ExportVerifier(signer.publicKey(), threads);
            for (int run = 1; run <= 3; run++) {
                settle();
                long t0 = System.nanoTime();
                VerificationResult result = verifier.verify(export);
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf(
                        "| %d | %d | %,d | %.2f | %,.0f | %,.0f | %s |%n",
                        run,
                        threads,
                        result.verifiedEntries(),
                        seconds,
                        result.verifiedEntries() / seconds,
                        Files.size(export) / seconds / 1e6,
                        result.outcome());
            }
        }
        Files.delete(export);
    }

    /** Collects the previous run's garbage (a tree of millions of entries) so its collection does not land here. */
    private static void settle() throws InterruptedException {
        System.gc();
        Thread.sleep(500);
    }

    private static String millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return "-";
        }
        int at = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        long nanos = sorted[Math.max(at, 0)];
        return nanos == Long.MAX_VALUE ? "failed" : String.format("%.2f", nanos / 1e6);
    }

    /** Distinct canonical audit events of realistic size, so the bench measures the journal, not their encoding. */
    private static byte[][] entries() {
        byte[][] pool = new byte[DISTINCT_ENTRIES][];
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < pool.length; i++) {
            pool[i] = new AuditEvent(
                            base.plus(Duration.ofMillis(i * 37L)),
                            "user:" + (10_000 + i % 500),
                            "CUSTOMER_SERVICE",
                            "READ_INTERVALS",
                            "meter:MG" + (1_000_000 + i) + "/intervals/2026-01",
                            "account:" + (88_000_000 + i % 9_000),
                            "BILLING",
                            "CONTRACT",
                            i % 20 == 0 ? "DENY" : "PERMIT",
                            "10.1." + (i % 200) + "." + (i % 250),
                            "")
                    .canonicalBytes();
        }
        return pool;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + Arrays.toString(args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
