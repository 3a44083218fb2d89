package org.meterguard.pki;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * A small blocking TLS echo server on 127.0.0.1 that drives the very {@link SSLEngine}s the head-end gets, over plain
 * sockets (as Netty's SslHandler would over channels). Per connection it records the handshake's outcome, then echoes
 * one message.
 */
final class EngineEchoServer implements AutoCloseable {

    /** A handshake's outcome: the collector id, or the failure. */
    record Outcome(String collectorId, Exception failure) {}

    private final ServerSocket listener;
    private final Supplier<SSLEngine> engines;
    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    private final Thread acceptor;

    EngineEchoServer(Supplier<SSLEngine> engines) throws IOException {
        this.engines = engines;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.acceptor = new Thread(this::acceptLoop, "engine-echo-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The next connection's handshake outcome (waits up to 10 seconds). */
    Outcome nextOutcome() throws InterruptedException {
        Outcome outcome = outcomes.poll(10, TimeUnit.SECONDS);
        if (outcome == null) {
            throw new AssertionError("no handshake outcome within 10 s");
        }
        return outcome;
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Thread worker = new Thread(() -> serve(socket), "engine-echo-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(10_000);
            Pump pump = new Pump(engines.get(), socket.getInputStream(), socket.getOutputStream());
            try {
                pump.handshake();
            } catch (IOException e) {
                outcomes.add(new Outcome(null, e));
                return;
            }
            outcomes.add(new Outcome(CollectorTls.collectorIdOf(pump.engine.getSession()), null));
            pump.write(pump.read());
        } catch (IOException | RuntimeException e) {
            // the client went away; the outcome is already recorded
        }
    }

    /** Moves TLS records between an engine and a blocking socket. */
    private static final class Pump {
        private final SSLEngine engine;
        private final InputStream in;
        private final OutputStream out;
        private ByteBuffer netIn;
        private ByteBuffer appIn;
        private final ByteBuffer netOut;

        Pump(SSLEngine engine, InputStream in, OutputStream out) {
            this.engine = engine;
            this.in = in;
            this.out = out;
            int packet = engine.getSession().getPacketBufferSize();
            this.netIn = ByteBuffer.allocate(packet).flip();
            this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
            this.netOut = ByteBuffer.allocate(packet);
        }

        void handshake() throws IOException {
            engine.beginHandshake();
            try {
                drive();
            } catch (SSLException e) {
                sendPendingAlert();
                throw e;
            }
        }

        private void drive() throws IOException {
            HandshakeStatus status = engine.getHandshakeStatus();
            while (status != HandshakeStatus.NOT_HANDSHAKING) {
                switch (status) {
                    case NEED_WRAP -> status = wrap(ByteBuffer.allocate(0));
                    case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> status = unwrap();
                    case NEED_TASK -> {
                        Runnable task;
                        while ((task = engine.getDelegatedTask()) != null) {
                            task.run();
                        }
                        status = engine.getHandshakeStatus();
                    }
                    case FINISHED -> status = engine.getHandshakeStatus();
                    default -> throw new IllegalStateException("unexpected handshake status " + status);
                }
            }
        }

        byte[] read() throws IOException {
            while (appIn.position() == 0) {
                unwrap();
                drive();
            }
            appIn.flip();
            byte[] data = new byte[appIn.remaining()];
            appIn.get(data);
            appIn.clear();
            return data;
        }

        void write(byte[] data) throws IOException {
            ByteBuffer source = ByteBuffer.wrap(data);
            while (source.hasRemaining()) {
                wrap(source);
            }
        }

        private HandshakeStatus wrap(ByteBuffer source) throws IOException {
            netOut.clear();
            SSLEngineResult result = engine.wrap(source, netOut);
            out.write(netOut.array(), 0, netOut.position());
            out.flush();
            if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                throw new EOFException("engine closed");
            }
            return result.getHandshakeStatus();
        }

        private HandshakeStatus unwrap() throws IOException {
            while (true) {
                SSLEngineResult result = engine.unwrap(netIn, appIn);
                switch (result.getStatus()) {
                    case OK -> {
                        return result.getHandshakeStatus();
                    }
                    case BUFFER_UNDERFLOW -> readMore();
                    case BUFFER_OVERFLOW ->
                        appIn = grow(appIn, engine.getSession().getApplicationBufferSize());
                    case CLOSED -> throw new EOFException("peer closed the TLS connection");
                    default -> throw new IllegalStateException("unexpected status " + result.getStatus());
                }
            }
        }

        private void readMore() throws IOException {
            netIn.compact();
            if (!netIn.hasRemaining()) {
                netIn = grow(netIn, engine.getSession().getPacketBufferSize());
            }
            int n = in.read(netIn.array(), netIn.position(), netIn.remaining());
            if (n < 0) {
                throw new EOFException("peer closed the connection");
            }
            netIn.position(netIn.position() + n).flip();
        }

        private void sendPendingAlert() {
            try {
                netOut.clear();
                engine.wrap(ByteBuffer.allocate(0), netOut);
                out.write(netOut.array(), 0, netOut.position());
                out.flush();
            } catch (IOException | RuntimeException ignored) {
                // best effort: the connection is closed next anyway
            }
        }

        private static ByteBuffer grow(ByteBuffer buffer, int extra) {
            ByteBuffer bigger = ByteBuffer.allocate(buffer.capacity() + extra);
            buffer.flip();
            bigger.put(buffer);
            return bigger;
        }
    }
}
