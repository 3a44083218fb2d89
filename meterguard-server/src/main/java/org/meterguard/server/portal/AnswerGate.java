package org.meterguard.server.portal;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Lets at most {@code permits} callers work at once, the others waiting their turn in arrival order. Answers that
 * only use the CPU (the dashboard's, from the totals kept in memory) finish in the order they were asked this way,
 * instead of all of them sharing the cores a time slice at a time and finishing late together: measured with 50
 * concurrent clients on 2 cores, the dashboard's p99 fell from about 4x its median to about 2x, at the same
 * throughput (docs/benchmarks.md). Work that waits on I/O for long (the audit append's fsync) must stay outside, or
 * the permits sit idle while it waits.
 */
final class AnswerGate {
    private final Semaphore permits;

    AnswerGate(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("a gate needs at least one permit, not " + permits);
        }
        this.permits = new Semaphore(permits, true);
    }

    /** Runs {@code work} once a permit is free, waiting behind those who came first. */
    <T> T through(Supplier<T> work) {
        permits.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
