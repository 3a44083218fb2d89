package org.meterguard.server.audit.internal;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.meterguard.audit.AuditJournal;
import org.meterguard.audit.JournalCursor;
import org.meterguard.server.audit.AuditProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code audit_entry} and {@code audit_tree_head} a copy of the journal for readers that need SQL. One
 * follower thread reads the journal's durable records with a {@link JournalCursor} and stores them in batches, one
 * transaction per batch, so appends run at the journal's pace, not PostgreSQL's. On start it catches up with
 * whatever the journal holds beyond the projection (entries made durable just before a crash); on stop it stores
 * the rest. A failed batch is retried from the journal: the projection only ever lags.
 */
@Component
public class AuditProjection implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(AuditProjection.class);
    private static final long IDLE_POLL_MILLIS = 250;
    private static final long RETRY_MILLIS = 1_000;
    private static final long STOP_WAIT_MILLIS = 5_000;

    private final AuditJournal journal;
    private final ProjectionWriter writer;
    private final int batch;
    private final Duration wait;
    /**
     * Two monitors, never one held while the other is taken except waiter → wake: {@code wakeUp} is what the
     * follower idles on and {@link #wake} notifies; {@code progress} is what waiters wait on and the follower notifies
     * as {@link #projected} grows. With one monitor for both, each waiter's notification to the follower woke every
     * other waiter, which notified again: with many readers waiting at once they kept the monitor so busy that the
     * follower, holding a stored batch, could not get in to count it for a minute (AuthorizationMatrixIT, seen with
     * this class's own timeout message: follower BLOCKED in storeBatch).
     */
    private final Object wakeUp = new Object();

    private final Object progress = new Object();

    private volatile long projected;
    private volatile boolean running;
    private boolean woken;
    private Thread follower;
    private JournalCursor cursor;

    AuditProjection(
            AuditJournal journal,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            AuditProperties properties) {
        this.journal = journal;
        this.writer = new ProjectionWriter(jdbc, new TransactionTemplate(transactions));
        this.batch = properties.projectionBatch();
        this.wait = properties.projectionWait();
    }

    /** The number of entries, from index 0, stored in {@code audit_entry}. */
    public long projected() {
        return projected;
    }

    /** Tells the follower there is something new; cheap, never blocks. */
    public void wake() {
        synchronized (wakeUp) {
            woken = true;
            wakeUp.notifyAll();
        }
    }

    /**
     * Waits until the first {@code size} entries are in {@code audit_entry}, at most the configured projection wait.
     *
     * @throws IllegalStateException if the projection does not get there in time (PostgreSQL down or far behind)
     */
    public void awaitProjected(long size) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (progress) {
            while (projected < size) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(
                            "the audit projection holds " + projected + " of " + size + " entries after " + wait
                                    + " (journal size " + journal.size() + ", " + cursor + "); " + followerState(),
                            new TimeoutException());
                }
                wake();
                try {
                    progress.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the audit projection", e);
                }
            }
        }
    }

    @Override
    public void start() {
        projected = writer.projectedSize();
        cursor = journal.cursor(projected);
        long behind = journal.size() - projected;
        catchUp();
        if (behind > 0) {
            log.info("Audit projection caught up with {} entries from the journal", behind);
        }
        running = true;
        follower = new Thread(this::follow, "audit-projection");
        follower.setDaemon(true);
        follower.setUncaughtExceptionHandler(
                (thread, e) -> log.error("Audit projection stopped at entry {}: its follower died", projected, e));
        follower.start();
    }

    /**
     * Lets the follower store what is left and stop, waiting at most {@value #STOP_WAIT_MILLIS} ms: a database
     * already gone (its own shutdown hook may stop it first) must not hold up the shutdown, and whatever is not
     * projected then is caught up on the next start.
     */
    @Override
    public void stop() {
        running = false;
        wake();
        boolean interrupted = join(STOP_WAIT_MILLIS);
        if (follower.isAlive()) {
            follower.interrupt();
            interrupted |= join(1_000);
        }
        if (!follower.isAlive()) {
            cursor.close();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What the follower is doing, for the message of a projection that does not keep up: its state and where it
     * stands, so that a stall shows whether it waits for PostgreSQL, for the journal, or died.
     */
    private String followerState() {
        Thread thread = follower;
        if (thread == null) {
            return "no follower started";
        }
        StringBuilder state = new StringBuilder("follower ").append(thread.getState());
        StackTraceElement[] stack = thread.getStackTrace();
        for (int i = 0; i < Math.min(stack.length, 12); i++) {
            state.append("\n\tat ").append(stack[i]);
        }
        return state.toString();
    }

    /** Waits up to {@code millis} for the follower to end; returns whether this thread was interrupted. */
    private boolean join(long millis) {
        try {
            follower.join(millis);
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server starts and after it stops, so requests in flight are projected on shutdown. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 8192;
    }

    private void follow() {
        while (running) {
            try {
                if (!storeBatch()) {
                    idle();
                }
            } catch (RuntimeException e) {
                log.warn("Audit projection failed at entry {}; retrying from the journal: {}", projected, e.toString());
                pause(RETRY_MILLIS);
                if (running) {
                    resume();
                }
            }
        }
        if (journal.size() > projected && !Thread.currentThread().isInterrupted()) {
            try {
                catchUp();
            } catch (RuntimeException e) {
                log.warn(
                        "Audit projection stops {} entries behind the journal; the next start catches up: {}",
                        journal.size() - projected,
                        e.toString());
            }
        }
    }

    /** Starts reading again from what the projection holds (a failed batch may have committed or not). */
    private void resume() {
        try {
            long stored = writer.projectedSize();
            cursor.close();
            cursor = journal.cursor(stored);
            synchronized (progress) {
                projected = stored;
            }
        } catch (RuntimeException e) {
            log.warn("Audit projection cannot resume yet: {}", e.toString());
        }
    }

    private void catchUp() {
        while (storeBatch()) {
            // until the cursor has caught up
        }
    }

    /** Stores one batch read from the cursor; returns whether there was anything. */
    private boolean storeBatch() {
        ProjectionWriter.Batch records = writer.newBatch();
        int entries = cursor.read(batch, records);
        if (entries == 0 && records.isEmpty()) {
            return false;
        }
        writer.store(records);
        synchronized (progress) {
            projected += entries;
            progress.notifyAll();
        }
        return true;
    }

    private void idle() {
        synchronized (wakeUp) {
            if (!woken && running) {
                try {
                    wakeUp.wait(IDLE_POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
