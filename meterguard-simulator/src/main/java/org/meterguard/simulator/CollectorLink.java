package org.meterguard.simulator;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.meterguard.dlms.PushAcknowledgement;

/**
 * A collector's link to the head-end: one connection (mutual TLS 1.3, or plain TCP in a lab) carrying many
 * meters' frames without waiting for each answer. At most {@code window} frames are unanswered at a time; the
 * head-end answers in order. When the connection breaks, the link reconnects (with backoff) and sends every
 * unanswered frame again, unchanged: the head-end answers a frame it already stored DUPLICATE, so nothing is lost
 * and nothing stored twice. Not thread-safe: one sender.
 */
public final class CollectorLink implements AutoCloseable {
    private static final int MAX_ATTEMPTS = 8;

    private final SSLContext tls;
    private final String host;
    private final int port;
    private final int window;
    private final Duration timeout;
    private final ArrayDeque<byte[]> unanswered = new ArrayDeque<>();
    private final Map<PushAcknowledgement.Status, AtomicLong> answers = new EnumMap<>(PushAcknowledgement.Status.class);
    private final AtomicLong retransmitted = new AtomicLong();
    private final AtomicLong collectorMessages = new AtomicLong();
    private Socket socket;
    private OutputStream out;
    private DataInputStream in;

    public CollectorLink(SSLContext tls, String host, int port, int window, Duration timeout) throws IOException {
        if (window < 1) {
            throw new IllegalArgumentException("window " + window + " must be at least 1");
        }
        this.tls = tls;
        this.host = host;
        this.port = port;
        this.window = window;
        this.timeout = timeout;
        for (PushAcknowledgement.Status status : PushAcknowledgement.Status.values()) {
            answers.put(status, new AtomicLong());
        }
        connect();
    }

    /** Sends a frame; first waits for an answer when {@code window} frames are unanswered. */
    public void send(byte[] frame) throws IOException {
        while (unanswered.size() >= window) {
            flush();
            awaitOne();
        }
        unanswered.add(frame);
        try {
            out.write(frame);
        } catch (IOException e) {
            reconnect(e);
        }
    }

    /** Waits until every frame sent has been answered. */
    public void drain() throws IOException {
        flush();
        while (!unanswered.isEmpty()) {
            awaitOne();
        }
    }

    private void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            reconnect(e);
        }
    }

    /** Meter frames answered with {@code status} so far. */
    public long answered(PushAcknowledgement.Status status) {
        return answers.get(status).get();
    }

    /** The collector's own messages (heartbeats, alarms) the head-end accepted. */
    public long collectorMessagesAccepted() {
        return collectorMessages.get();
    }

    /** Frames sent again after a broken connection. */
    public long retransmitted() {
        return retransmitted.get();
    }

    /** Frames sent and not answered yet. */
    public int inFlight() {
        return unanswered.size();
    }

    /** Breaks the connection as a failing link would (the next send or wait reconnects). */
    public void breakConnection() throws IOException {
        socket.close();
    }

    private void awaitOne() throws IOException {
        try {
            PushAcknowledgement answer = HeadEndClient.readAcknowledgement(in);
            unanswered.poll();
            if (answer.systemTitle().value() == 0 && answer.status() == PushAcknowledgement.Status.ACCEPTED) {
                collectorMessages.incrementAndGet(); // a heartbeat or alarm of the collector itself
            } else {
                answers.get(answer.status()).incrementAndGet();
            }
        } catch (IOException e) {
            reconnect(e);
        }
    }

    private void reconnect(IOException cause) throws IOException {
        long backoff = 100;
        for (int attempt = 1; ; attempt++) {
            try {
                socket.close();
                connect();
                for (byte[] frame : unanswered) {
                    out.write(frame);
                    retransmitted.incrementAndGet();
                }
                out.flush();
                return;
            } catch (IOException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    e.addSuppressed(cause);
                    throw e;
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while reconnecting", interrupted);
                }
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private void connect() throws IOException {
        socket = HeadEndClient.open(tls, host, port, timeout);
        out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        in = new DataInputStream(socket.getInputStream());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
