package org.meterguard.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.meterguard.dlms.CollectorMessage;
import org.meterguard.dlms.InvocationCounter;
import org.meterguard.dlms.PushAcknowledgement;

/**
 * Drives a simulated fleet against a head-end: every collector on its own link (its own thread), each relaying its
 * meters' pushes for the given days (load profiles, and event logs when an outage or tampering happened), with a
 * heartbeat every thousand frames; then, on demand, the bad actors, each on a link of its own so their answers can
 * be told apart. Invocation counters come from the fleet's {@link CounterStore}, so no counter is ever reused.
 */
public final class FleetDriver {
    private static final int HEARTBEAT_EVERY = 1_000;

    private final SimulatedFleet fleet;
    private final CounterStore counters;
    private final SiteDay siteDay;
    private final Function<String, SSLContext> tlsOf;
    private final String host;
    private final int port;
    private final int window;

    /**
     * @param tlsOf the TLS context of a collector id (its key and the CA); returns null for plain TCP
     */
    public FleetDriver(
            SimulatedFleet fleet,
            CounterStore counters,
            SiteDay siteDay,
            Function<String, SSLContext> tlsOf,
            String host,
            int port,
            int window) {
        this.fleet = fleet;
        this.counters = counters;
        this.siteDay = siteDay;
        this.tlsOf = tlsOf;
        this.host = host;
        this.port = port;
        this.window = window;
    }

    /** What a run did. */
    public record Report(
            long frames,
            long readings,
            Map<PushAcknowledgement.Status, Long> answers,
            long retransmitted,
            Map<BadActor, Map<PushAcknowledgement.Status, Long>> badActors,
            Duration took) {}

    /** Progress, about once a second. */
    public record Progress(long sent, long answered, long inFlight, double framesPerSecond, double readingsPerSecond) {}

    /** Pushes the days starting at {@code dayStarts} (UTC midnights), then runs {@code actors}. */
    public Report run(List<Instant> dayStarts, List<BadActor> actors, Consumer<Progress> progress)
            throws IOException, InterruptedException {
        Map<String, List<FleetMeter>> byCollector = new LinkedHashMap<>();
        fleet.meters().forEach(m -> byCollector
                .computeIfAbsent(m.collector(), c -> new ArrayList<>())
                .add(m));
        AtomicLong sent = new AtomicLong();
        AtomicLong readings = new AtomicLong();
        Map<String, CollectorLink> links = new ConcurrentHashMap<>();
        Map<String, byte[]> lastAccepted = new ConcurrentHashMap<>();
        Map<String, Long> lastCounter = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        long started = System.nanoTime();
        for (Map.Entry<String, List<FleetMeter>> collector : byCollector.entrySet()) {
            CollectorLink link =
                    new CollectorLink(tlsOf.apply(collector.getKey()), host, port, window, Duration.ofSeconds(60));
            links.put(collector.getKey(), link);
            Thread thread = new Thread(
                    () -> {
                        try {
                            relay(link, collector.getValue(), dayStarts, sent, readings, lastAccepted, lastCounter);
                        } catch (IOException | RuntimeException e) {
                            failures.add(e);
                        }
                    },
                    "collector-" + collector.getKey());
            threads.add(thread);
            thread.start();
        }
        long lastSent = 0;
        long lastAt = System.nanoTime();
        while (threads.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(1_000);
            long now = System.nanoTime();
            long s = sent.get();
            long answered =
                    links.values().stream().mapToLong(l -> sumAnswers(l)).sum();
            double fps = (s - lastSent) / ((now - lastAt) / 1e9);
            progress.accept(new Progress(s, answered, s - answered, fps, fps * readings.get() / Math.max(1, s)));
            lastSent = s;
            lastAt = now;
        }
        if (!failures.isEmpty()) {
            throw new IOException("a collector link failed: " + failures.get(0), failures.get(0));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Map<PushAcknowledgement.Status, Long> answers = new EnumMap<>(PushAcknowledgement.Status.class);
        long retransmitted = 0;
        for (CollectorLink link : links.values()) {
            for (PushAcknowledgement.Status status : PushAcknowledgement.Status.values()) {
                answers.merge(status, link.answered(status), Long::sum);
            }
            retransmitted += link.retransmitted();
            link.close();
        }
        Map<BadActor, Map<PushAcknowledgement.Status, Long>> bad = new EnumMap<>(BadActor.class);
        FleetMeter victim = fleet.meters().get(0);
        for (BadActor actor : actors) {
            bad.put(actor, misbehave(actor, victim, lastAccepted, lastCounter, dayStarts.get(0)));
        }
        return new Report(sent.get(), readings.get(), answers, retransmitted, bad, took);
    }

    private void relay(
            CollectorLink link,
            List<FleetMeter> meters,
            List<Instant> dayStarts,
            AtomicLong sent,
            AtomicLong readings,
            Map<String, byte[]> lastAccepted,
            Map<String, Long> lastCounter)
            throws IOException {
        long heartbeats = 0;
        for (Instant day : dayStarts) {
            for (FleetMeter site : meters) {
                List<byte[]> pushes = siteDay.pushes(site, day);
                long period = SimulatedModels.layout(site.kind().model())
                        .capturePeriod()
                        .getSeconds();
                readings.addAndGet(86_400 / period); // the load profile's intervals; events are not readings
                for (byte[] apdu : pushes) {
                    InvocationCounter counter = counters.next(site.meter().meterId());
                    byte[] frame = PushBuilder.wrap(site.meter(), counter, apdu);
                    link.send(frame);
                    lastAccepted.put(site.meter().meterId(), frame);
                    lastCounter.put(site.meter().meterId(), counter.value());
                    if (sent.incrementAndGet() % HEARTBEAT_EVERY == 0) {
                        link.send(CollectorMessage.heartbeat(++heartbeats, Instant.now(), meters.size())
                                .frame());
                    }
                }
            }
        }
        link.drain();
    }

    private Map<PushAcknowledgement.Status, Long> misbehave(
            BadActor actor,
            FleetMeter victim,
            Map<String, byte[]> lastAccepted,
            Map<String, Long> lastCounter,
            Instant firstDay)
            throws IOException {
        String id = victim.meter().meterId();
        byte[] other =
                siteDay.pushes(victim, firstDay.minus(Duration.ofDays(1))).get(0);
        List<byte[]> frames = actor.frames(
                victim.meter(),
                lastAccepted.get(id),
                lastCounter.get(id),
                () -> {
                    try {
                        return counters.next(id).value();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                other);
        try (CollectorLink link =
                new CollectorLink(tlsOf.apply(victim.collector()), host, port, window, Duration.ofSeconds(60))) {
            for (byte[] frame : frames) {
                link.send(frame);
            }
            link.drain();
            Map<PushAcknowledgement.Status, Long> answers = new EnumMap<>(PushAcknowledgement.Status.class);
            for (PushAcknowledgement.Status status : PushAcknowledgement.Status.values()) {
                if (link.answered(status) > 0) {
                    answers.put(status, link.answered(status));
                }
            }
            return answers;
        }
    }

    private static long sumAnswers(CollectorLink link) {
        long sum = 0;
        for (PushAcknowledgement.Status status : PushAcknowledgement.Status.values()) {
            sum += link.answered(status);
        }
        return sum;
    }
}
