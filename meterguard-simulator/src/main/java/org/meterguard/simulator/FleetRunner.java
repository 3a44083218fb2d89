package org.meterguard.simulator;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.meterguard.dlms.InvocationCounter;
import org.meterguard.dlms.PushAcknowledgement;

/**
 * Pushes a fleet's load profiles to a head-end, one frame per meter and UTC day (at most 96 intervals), each
 * with a fresh invocation counter, and checks every acknowledgement. A frame that is not acknowledged is sent
 * again on a new connection, with a new counter, as a meter would after a lost link.
 */
public final class FleetRunner {
    private static final Duration INTERVAL = Duration.ofMinutes(15);
    private static final int ATTEMPTS = 3;

    private final List<SimulatedMeter> meters;
    private final CounterStore counters;
    private final PushBuilder builder;
    private final String host;
    private final int port;
    private final Duration timeout;
    private final SSLContext tls;

    public FleetRunner(
            List<SimulatedMeter> meters,
            CounterStore counters,
            PushBuilder builder,
            String host,
            int port,
            Duration timeout) {
        this(meters, counters, builder, host, port, timeout, null);
    }

    /**
     * A runner that relays through a collector's mutually authenticated TLS 1.3 connection made with {@code tls}
     * (the collector's key and the CA it trusts); null connects over plain TCP.
     */
    public FleetRunner(
            List<SimulatedMeter> meters,
            CounterStore counters,
            PushBuilder builder,
            String host,
            int port,
            Duration timeout,
            SSLContext tls) {
        this.tls = tls;
        this.meters = List.copyOf(meters);
        this.counters = counters;
        this.builder = builder;
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    private HeadEndClient connect() throws IOException {
        return tls == null
                ? HeadEndClient.connect(host, port, timeout)
                : HeadEndClient.connect(tls, host, port, timeout);
    }

    /** What one run achieved. */
    public record Result(int framesAccepted, int framesRejected, long readingsAccepted) {}

    /** Pushes every meter's complete intervals in {@code [from, to)}, reporting progress to {@code progress}. */
    public Result push(Instant from, Instant to, Progress progress) throws IOException {
        List<List<Instant>> days = daysOf(from, to);
        int accepted = 0;
        int rejected = 0;
        long readings = 0;
        HeadEndClient client = connect();
        try {
            for (SimulatedMeter meter : meters) {
                for (List<Instant> day : days) {
                    if (pushWithRetry(client, meter, day)) {
                        accepted++;
                        readings += 2L * day.size();
                    } else {
                        rejected++;
                    }
                }
                progress.meterDone(meter, accepted, rejected);
            }
        } finally {
            client.close();
        }
        return new Result(accepted, rejected, readings);
    }

    private boolean pushWithRetry(HeadEndClient client, SimulatedMeter meter, List<Instant> starts) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            InvocationCounter counter = counters.next(meter.meterId());
            byte[] frame = PushBuilder.frame(meter, counter, builder.profile(meter, starts));
            try {
                return client.push(frame).status() == PushAcknowledgement.Status.ACCEPTED;
            } catch (IOException e) {
                last = e;
                client.close();
                client = connect();
            }
        }
        throw last;
    }

    /** The complete 15-minute intervals of {@code [from, to)}, grouped by UTC day. */
    static List<List<Instant>> daysOf(Instant from, Instant to) {
        List<List<Instant>> days = new ArrayList<>();
        long step = INTERVAL.toSeconds();
        long firstBoundary = -Math.floorDiv(-from.getEpochSecond() + (from.getNano() > 0 ? -1 : 0), step) * step;
        Instant start = Instant.ofEpochSecond(firstBoundary);
        List<Instant> day = new ArrayList<>();
        for (Instant t = start; !t.plus(INTERVAL).isAfter(to); t = t.plus(INTERVAL)) {
            if (!day.isEmpty()
                    && !t.truncatedTo(ChronoUnit.DAYS).equals(day.get(0).truncatedTo(ChronoUnit.DAYS))) {
                days.add(day);
                day = new ArrayList<>();
            }
            day.add(t);
        }
        if (!day.isEmpty()) {
            days.add(day);
        }
        return days;
    }

    /** Told after each meter is done. */
    @FunctionalInterface
    public interface Progress {
        void meterDone(SimulatedMeter meter, int framesAccepted, int framesRejected);

        static Progress silent() {
            return (meter, accepted, rejected) -> {};
        }
    }
}
