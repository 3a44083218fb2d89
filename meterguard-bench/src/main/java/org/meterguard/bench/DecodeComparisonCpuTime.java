package org.meterguard.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * {@link DecodeComparisonBenchmark}'s {@code meterguardFrame} against its {@code guruxFrame} on the same frames, in
 * one JVM, interleaved round by round and measured in thread CPU time, for a machine shared with other work: wall-time
 * scores taken minutes apart (as JMH takes them, one benchmark after the other) move with the load, while the ratio of
 * two sides measured within the same second, each on the CPU time its thread actually got, holds much better. Both
 * sides are warmed up first; each round runs each side for at least {@code millis} of CPU time, the side that goes
 * first alternating.
 *
 * <pre>
 * java -cp meterguard-bench/target/benchmarks.jar org.meterguard.bench.DecodeComparisonCpuTime [rounds] [millis]
 * </pre>
 */
public final class DecodeComparisonCpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DecodeComparisonCpuTime() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long millis = args.length > 1 ? Long.parseLong(args[1]) : 200;
        DecodeComparisonBenchmark bench = new DecodeComparisonBenchmark();
        bench.frames();
        Callable<Object> ours = bench::meterguardFrame;
        Callable<Object> gurux = bench::guruxFrame;
        for (int warm = 0; warm < 10; warm++) {
            nanosPerFrame(ours, 500);
            nanosPerFrame(gurux, 500);
        }
        double[] oursNs = new double[rounds];
        double[] guruxNs = new double[rounds];
        double[] ratios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) {
                oursNs[round] = nanosPerFrame(ours, millis);
                guruxNs[round] = nanosPerFrame(gurux, millis);
            } else {
                guruxNs[round] = nanosPerFrame(gurux, millis);
                oursNs[round] = nanosPerFrame(ours, millis);
            }
            ratios[round] = guruxNs[round] / oursNs[round];
            System.out.printf(
                    "round %2d: meterguardFrame %6.2f us, guruxFrame %7.2f us, ratio %5.1f%n",
                    round + 1, oursNs[round] / 1_000, guruxNs[round] / 1_000, ratios[round]);
        }
        System.out.printf(
                "median: meterguardFrame %.2f us, guruxFrame %.2f us per frame (thread CPU time);"
                        + " ratio median %.1f, min %.1f, max %.1f over %d rounds%n",
                median(oursNs) / 1_000,
                median(guruxNs) / 1_000,
                median(ratios),
                Arrays.stream(ratios).min().orElse(0),
                Arrays.stream(ratios).max().orElse(0),
                rounds);
    }

    /** Thread CPU nanoseconds per call of {@code frame}, over at least {@code millis} of CPU time. */
    private static double nanosPerFrame(Callable<Object> frame, long millis) throws Exception {
        long start = THREADS.getCurrentThreadCpuTime();
        long budget = millis * 1_000_000;
        long calls = 0;
        long elapsed;
        Object last = null;
        do {
            for (int i = 0; i < 16; i++) {
                last = frame.call();
            }
            calls += 16;
            elapsed = THREADS.getCurrentThreadCpuTime() - start;
        } while (elapsed < budget);
        if (last == null) {
            throw new IllegalStateException("a frame decoded to nothing");
        }
        return elapsed / (double) calls;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
