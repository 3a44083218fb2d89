package org.meterguard.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The hand-over between appenders and the journal's single writer: appenders add under a lock held for a list
 * append, the writer takes everything waiting at once. Group commit falls out of it: while the writer is in fsync,
 * appends pile up and the next batch takes them all.
 */
final class AppendQueue {
    /** One append waiting to be written. */
    static final class Pending {
        final byte[] entry;
        final CompletableFuture<Long> ack;

        Pending(byte[] entry, CompletableFuture<Long> ack) {
            this.entry = entry;
            this.ack = ack;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition space = lock.newCondition();
    private final int capacity;

    private ArrayList<Pending> incoming = new ArrayList<>();
    private final List<CompletableFuture<HeadMark>> headRequests = new ArrayList<>();
    private boolean closed;
    private Throwable failure;

    AppendQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Queues an append; waits while {@code capacity} appends are waiting. */
    void add(Pending pending) {
        lock.lock();
        try {
            while (incoming.size() >= capacity && !closed && failure == null) {
                space.awaitUninterruptibly();
            }
            checkOpen();
            incoming.add(pending);
            if (incoming.size() == 1) {
                work.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** A future completed with the next durable tree head at or after the current size. */
    CompletableFuture<HeadMark> requestHead() {
        CompletableFuture<HeadMark> head = new CompletableFuture<>();
        lock.lock();
        try {
            checkOpen();
            headRequests.add(head);
            work.signal();
        } finally {
            lock.unlock();
        }
        return head;
    }

    /**
     * Moves waiting appends (at most {@code max}) into the writer's {@code batch}, which must be empty, and head
     * requests into {@code heads}, waiting up to {@code waitNanos} for any. Returns the batch, which may be a
     * different list: when all that waits fits, the lists are swapped rather than copied.
     */
    ArrayList<Pending> take(ArrayList<Pending> batch, List<CompletableFuture<HeadMark>> heads, int max, long waitNanos)
            throws InterruptedException {
        lock.lock();
        try {
            long wait = waitNanos;
            while (incoming.isEmpty() && headRequests.isEmpty() && !closed && wait > 0) {
                wait = work.awaitNanos(wait);
            }
            ArrayList<Pending> taken = batch;
            if (incoming.size() <= max) {
                taken = incoming;
                incoming = batch;
            } else {
                List<Pending> first = incoming.subList(0, max);
                batch.addAll(first);
                first.clear();
            }
            heads.addAll(headRequests);
            headRequests.clear();
            space.signalAll();
            return taken;
        } finally {
            lock.unlock();
        }
    }

    /** Whether close was called and nothing waits any more. */
    boolean closedAndDrained() {
        lock.lock();
        try {
            return closed && incoming.isEmpty() && headRequests.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses further appends; the writer drains what waits. */
    void close() {
        lock.lock();
        try {
            closed = true;
            work.signal();
            space.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses further appends and fails everything waiting with {@code cause}. */
    void fail(JournalFailed cause) {
        List<Pending> failed;
        List<CompletableFuture<HeadMark>> heads;
        lock.lock();
        try {
            failure = cause;
            failed = incoming;
            incoming = new ArrayList<>();
            heads = new ArrayList<>(headRequests);
            headRequests.clear();
            space.signalAll();
        } finally {
            lock.unlock();
        }
        failed.forEach(p -> p.ack.completeExceptionally(cause));
        heads.forEach(h -> h.completeExceptionally(cause));
    }

    private void checkOpen() {
        if (failure != null) {
            throw new JournalFailed("the audit journal's writer failed; reopen the journal", failure);
        }
        if (closed) {
            throw new IllegalStateException("the audit journal is closed");
        }
    }
}
