package org.meterguard.server.headend.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.meterguard.server.headend.HeadEndProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The head-end's way into the store: verified frames queue here and writer threads store them in batches (group
 * commit), completing each frame's future only after the commit. Each meter belongs to one writer (by its system
 * title), so that its frames are stored one batch after another in the order they arrived, while the writers' batches
 * go to the database side by side: with one writer, the writer and its PostgreSQL backend took turns, each waiting
 * for the other, and the cores stood partly idle during a fleet's push (measured, docs/benchmarks.md). When the
 * store is slow or down a writer retries the same batch, with backoff, for as long as it takes: nothing accepted from
 * a collector is dropped. The queues are bounded in effect by the connections' windows: a connection with a full
 * window of unacknowledged frames stops reading (see {@link CollectorConnection}), and that backpressure reaches the
 * collectors through TCP.
 */
@Component
class IngestPipeline implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);

    private record Pending(Incoming frame, CompletableFuture<BatchWriter.Outcome> outcome) {}

    private final BatchWriter writer;
    private final HeadEndProperties properties;
    private final List<LinkedBlockingQueue<Pending>> queues = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Timer commits;
    private final io.micrometer.core.instrument.Counter failures;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    IngestPipeline(BatchWriter writer, HeadEndProperties properties, MeterRegistry metrics) {
        if (properties.storeWriters() < 1) {
            throw new IllegalArgumentException(
                    "meterguard.headend.store-writers must be at least 1, not " + properties.storeWriters());
        }
        this.writer = writer;
        this.properties = properties;
        for (int i = 0; i < properties.storeWriters(); i++) {
            queues.add(new LinkedBlockingQueue<>());
        }
        this.commits = Timer.builder("meterguard.headend.store.batches")
                .description("group commits of verified frames")
                .register(metrics);
        this.failures = metrics.counter("meterguard.headend.store.failures");
        metrics.gauge("meterguard.headend.store.queued", inFlight);
    }

    /** Queues a frame; the future completes with its outcome once its batch has committed. */
    CompletableFuture<BatchWriter.Outcome> submit(Incoming frame) {
        CompletableFuture<BatchWriter.Outcome> outcome = new CompletableFuture<>();
        inFlight.incrementAndGet();
        queues.get(writerOf(frame.meter().systemTitle().value(), queues.size())).add(new Pending(frame, outcome));
        return outcome;
    }

    /** The writer, of {@code writers}, that stores every frame of the meter with this system title. */
    static int writerOf(long systemTitle, int writers) {
        // Titles are often consecutive serial numbers: mixed first, so that any run of them spreads evenly.
        return Math.floorMod(Long.hashCode(systemTitle * 0x9E3779B97F4A7C15L), writers);
    }

    /** Frames queued or being written. */
    int inFlight() {
        return inFlight.get();
    }

    private void run(LinkedBlockingQueue<Pending> queue) {
        List<Pending> batch = new ArrayList<>(properties.batchSize());
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, properties.batchSize() - 1);
                writeUntilStored(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                inFlight.addAndGet(-batch.size());
                batch.clear();
            }
        }
    }

    private void writeUntilStored(List<Pending> batch) throws InterruptedException {
        List<Incoming> frames = batch.stream().map(Pending::frame).toList();
        long backoff = 50;
        while (true) {
            try {
                long started = System.nanoTime();
                BatchWriter.Outcome[] outcomes = writer.write(frames);
                long took = System.nanoTime() - started;
                commits.record(took, TimeUnit.NANOSECONDS);
                if (log.isDebugEnabled()) {
                    log.debug("Stored a batch of {} frames in {} µs", batch.size(), took / 1000);
                }
                for (int i = 0; i < outcomes.length; i++) {
                    batch.get(i).outcome().complete(outcomes[i]);
                }
                return;
            } catch (RuntimeException e) {
                failures.increment();
                log.warn(
                        "Could not store a batch of {} frames ({}); holding their acknowledgements and retrying in"
                                + " {} ms",
                        batch.size(),
                        e.getMessage(),
                        backoff);
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
                if (!running && Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("stopped while the store was failing");
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < queues.size(); i++) {
            LinkedBlockingQueue<Pending> queue = queues.get(i);
            Thread writerThread = new Thread(() -> run(queue), "headend-store-writer-" + i);
            writerThread.setDaemon(false);
            threads.add(writerThread);
            writerThread.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        try {
            long deadline = System.nanoTime() + 10_000_000_000L;
            for (Thread writerThread : threads) {
                writerThread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
            for (Thread writerThread : threads) {
                if (writerThread.isAlive()) {
                    writerThread.interrupt();
                    writerThread.join(5_000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queues.forEach(queue -> queue.forEach(p -> p.outcome().cancel(false)));
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the network (higher phase stops first) and before the database. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }
}
