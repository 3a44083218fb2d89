package org.meterguard.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The second stage of the journal's pipeline: while the writer frames and hashes the next batch, this thread forces
 * what has been written, once for everything written since its last force, and only then acknowledges it and
 * publishes the new durable size and head. Overlapping the two stages is what keeps fsync latency from adding to the
 * writer's work, and lets one fsync cover several batches when the disk is slow.
 */
final class JournalSyncer implements Runnable {
    /** A batch written (not yet forced) to {@code channel}: its acknowledgements and what becomes durable with it. */
    record Commit(
            FileChannel channel,
            long size,
            HeadMark head,
            List<AppendQueue.Pending> acks,
            List<CompletableFuture<HeadMark>> headRequests) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition submitted = lock.newCondition();
    private final Condition synced = lock.newCondition();
    private final Condition taken = lock.newCondition();
    private final List<Commit> commits = new ArrayList<>();

    private boolean stopping;
    private JournalFailed failure;

    private volatile long durableSize;
    private volatile HeadMark latestHead;

    JournalSyncer(long durableSize, HeadMark latestHead) {
        this.durableSize = durableSize;
        this.latestHead = latestHead;
    }

    long durableSize() {
        return durableSize;
    }

    HeadMark latestHead() {
        return latestHead;
    }

    /** Hands a written batch over to be forced; throws the syncer's failure if it has failed. */
    void submit(Commit commit) {
        lock.lock();
        try {
            checkFailure();
            commits.add(commit);
            submitted.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the syncer has taken every commit submitted, that is, until the fsync before it has finished and
     * the one covering it has begun. A writer that waits here stays at most one batch ahead of the disk, so its
     * batches grow with the fsync time instead of shrinking into many small writes.
     */
    void awaitTaken() throws InterruptedException {
        lock.lock();
        try {
            while (!commits.isEmpty()) {
                checkFailure();
                taken.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until at least {@code size} entries are durable. */
    void awaitDurable(long size) throws InterruptedException {
        lock.lock();
        try {
            while (durableSize < size) {
                checkFailure();
                synced.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops once everything submitted so far is durable. */
    void stop() {
        lock.lock();
        try {
            stopping = true;
            submitted.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void run() {
        List<Commit> taken = new ArrayList<>();
        try {
            while (take(taken)) {
                sync(taken);
                taken.clear();
            }
        } catch (Throwable t) {
            fail(taken, t);
        }
    }

    /** Moves what was submitted into {@code taken}, waiting for some; false once stopped with nothing left. */
    private boolean take(List<Commit> taken) throws InterruptedException {
        lock.lock();
        try {
            while (commits.isEmpty() && !stopping) {
                submitted.await();
            }
            taken.addAll(commits);
            commits.clear();
            this.taken.signalAll();
            return !taken.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    private void sync(List<Commit> taken) throws IOException {
        FileChannel forced = null;
        for (Commit commit : taken) {
            if (commit.channel() != forced) { // a segment roll waits for a sync, so this is rarely more than one
                commit.channel().force(false);
                forced = commit.channel();
            }
        }
        Commit last = taken.get(taken.size() - 1);
        for (Commit commit : taken) {
            if (commit.head() != null) {
                latestHead = commit.head();
            }
        }
        durableSize = last.size();
        lock.lock();
        try {
            synced.signalAll();
        } finally {
            lock.unlock();
        }
        for (Commit commit : taken) {
            long index = commit.size() - commit.acks().size();
            for (AppendQueue.Pending pending : commit.acks()) {
                pending.ack.complete(index++);
            }
            HeadMark head = latestHead;
            commit.headRequests().forEach(h -> h.complete(head));
        }
    }

    private void fail(List<Commit> taken, Throwable t) {
        JournalFailed failed =
                t instanceof JournalFailed f ? f : new JournalFailed("audit journal fsync failed: " + t, t);
        lock.lock();
        try {
            failure = failed;
            taken.addAll(commits);
            commits.clear();
            synced.signalAll();
            this.taken.signalAll();
        } finally {
            lock.unlock();
        }
        for (Commit commit : taken) {
            commit.acks().forEach(p -> p.ack.completeExceptionally(failed));
            commit.headRequests().forEach(h -> h.completeExceptionally(failed));
        }
    }

    private void checkFailure() {
        if (failure != null) {
            throw failure;
        }
    }
}
