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
 * The head-end's way into the store: verified frames queue here and one writer thread stores them in batches
 * (group commit), completing each frame's future only after the commit. When the store is slow or down the
 * writer retries the same batch, with backoff, for as long as it takes: nothing accepted from a collector is
 * dropped. The queue is bounded in effect by the connections' windows: a connection with a full window of
 * unacknowledged frames stops reading (see {@link CollectorConnection}), and that backpressure reaches the
 * collectors through TCP.
 */
@Component
class IngestPipeline implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);

    private record Pending(Incoming frame, CompletableFuture<BatchWriter.Outcome> outcome) {}

    private final BatchWriter writer;
    private final HeadEndProperties properties;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Timer commits;
    private final io.micrometer.core.instrument.Counter failures;
    private volatile Thread thread;
    private volatile boolean running;

    IngestPipeline(BatchWriter writer, HeadEndProperties properties, MeterRegistry metrics) {
        this.writer = writer;
        this.properties = properties;
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
        queue.add(new Pending(frame, outcome));
        return outcome;
    }

    /** Frames queued or being written. */
    int inFlight() {
        return inFlight.get();
    }

    private void run() {
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
        Thread writerThread = new Thread(this::run, "headend-store-writer");
        writerThread.setDaemon(false);
        thread = writerThread;
        writerThread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread writerThread = thread;
        if (writerThread != null) {
            try {
                writerThread.join(10_000);
                if (writerThread.isAlive()) {
                    writerThread.interrupt();
                    writerThread.join(5_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        queue.forEach(p -> p.outcome().cancel(false));
        thread = null;
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
