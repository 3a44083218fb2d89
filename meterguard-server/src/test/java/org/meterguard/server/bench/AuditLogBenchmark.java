package org.meterguard.server.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.meterguard.audit.AuditEvent;
import org.meterguard.server.MeterguardApplication;
import org.meterguard.server.audit.AuditLog;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The audit log at the server level: {@link AuditLog#append} (journal, group commit, the event published) from many
 * request threads at once, each waiting for its entry to be durable as an audited read does, in the real server
 * context with the PostgreSQL projection following. Prints appends per second, the append latency percentiles and
 * how long the projection took to catch up at the end. Lives in the server's test tree (neither Surefire nor
 * Failsafe runs it); see docs/benchmarks.md for the command.
 */
public final class AuditLogBenchmark {
    private AuditLogBenchmark() {}

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path data = Files.createTempDirectory("meterguard-audit-bench");
        try (ConfigurableApplicationContext context = SpringApplication.run(
                MeterguardApplication.class,
                "--meterguard.data-dir=" + data,
                "--server.port=0",
                "--meterguard.headend.port=0",
                "--meterguard.headend.tls.enabled=false",
                "--meterguard.demo.enabled=false",
                "--meterguard.retention.enabled=false",
                "--meterguard.audit.projection-wait=600s",
                "--logging.level.root=warn")) {
            AuditLog log = context.getBean(AuditLog.class);
            run(log, threads, 2, null); // warm-up
            long[][] latencies = new long[threads][];
            long start = System.nanoTime();
            long appended = run(log, threads, seconds, latencies);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long projectStart = System.nanoTime();
            log.awaitProjected();
            double projectionLag = (System.nanoTime() - projectStart) / 1e6;
            long[] all = Arrays.stream(latencies)
                    .flatMapToLong(Arrays::stream)
                    .sorted()
                    .toArray();
            System.out.printf(
                    "threads=%d appends=%d in %.1f s: %.0f appends/s; append-to-durable p50 %.2f ms, p99 %.2f ms,"
                            + " max %.2f ms; projection caught up %.0f ms after the last append%n",
                    threads,
                    appended,
                    elapsed,
                    appended / elapsed,
                    all[all.length / 2] / 1e6,
                    all[(int) (all.length * 0.99)] / 1e6,
                    all[all.length - 1] / 1e6,
                    projectionLag);
        }
    }

    /** Appends from {@code threads} threads for {@code seconds}; records each append's latency if asked. */
    private static long run(AuditLog log, int threads, int seconds, long[][] latencies) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        long[] counts = new long[threads];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                long[] own = new long[1 << 16];
                int n = 0;
                while (!stop.get()) {
                    long begin = System.nanoTime();
                    log.append(event(thread, n));
                    if (n == own.length) {
                        own = Arrays.copyOf(own, own.length * 2);
                    }
                    own[n++] = System.nanoTime() - begin;
                }
                counts[thread] = n;
                if (latencies != null) {
                    latencies[thread] = Arrays.copyOf(own, n);
                }
            });
            workers.add(worker);
            worker.start();
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        return Arrays.stream(counts).sum();
    }

    private static AuditEvent event(int thread, int n) {
        return new AuditEvent(
                Instant.now(),
                "operator-" + thread,
                "GRID_OPERATOR",
                "read-interval-data",
                "meter/MG-" + (100_000 + n % 50_000) + "/readings",
                "account:A-" + (n % 50_000),
                "GRID_OPERATIONS",
                "work-order:WO-" + n,
                "PERMIT",
                "10.0.0." + thread,
                "2026-06-02T00:00:00Z..2026-06-03T00:00:00Z");
    }
}
