package org.meterguard.simulator;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.meterguard.dlms.PushAcknowledgement;
import org.meterguard.dlms.WrapperDescriptor;

/**
 * A blocking TCP connection to a head-end: sends one wrapper frame and waits for its acknowledgement. A frame
 * without an acknowledgement was not stored and must be sent again (with a new counter).
 */
public final class HeadEndClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    private HeadEndClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Connects to {@code host:port}, waiting at most {@code timeout} to connect and for each answer. */
    public static HeadEndClient connect(String host, int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) timeout.toMillis());
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return new HeadEndClient(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Connects over TLS 1.3 with {@code tls} (a collector's key and the CA it trusts), verifying that the
     * head-end's certificate names {@code host}.
     */
    public static HeadEndClient connect(SSLContext tls, String host, int port, Duration timeout) throws IOException {
        return new HeadEndClient(open(tls, host, port, timeout));
    }

    /**
     * A connected socket to the head-end: plain TCP when {@code tls} is null, else TLS 1.3 with the head-end's
     * certificate checked to name {@code host}; {@code timeout} bounds connecting and every read.
     */
    static Socket open(SSLContext tls, String host, int port, Duration timeout) throws IOException {
        Socket plain = new Socket();
        try {
            plain.setTcpNoDelay(true);
            plain.setSoTimeout((int) timeout.toMillis());
            plain.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            if (tls == null) {
                return plain;
            }
            SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(new String[] {"TLSv1.3"});
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return socket;
        } catch (IOException e) {
            plain.close();
            throw e;
        }
    }

    /** Sends {@code frame} and returns the head-end's acknowledgement of it. */
    public PushAcknowledgement push(byte[] frame) throws IOException {
        send(frame);
        return awaitAcknowledgement();
    }

    /** Sends {@code frame} without waiting. */
    public void send(byte[] frame) throws IOException {
        out.write(frame);
        out.flush();
    }

    /** Reads the next acknowledgement; fails on a timeout or a closed connection. */
    public PushAcknowledgement awaitAcknowledgement() throws IOException {
        return readAcknowledgement(in);
    }

    /** Reads one acknowledgement (a wrapper frame) from {@code in}. */
    static PushAcknowledgement readAcknowledgement(DataInputStream in) throws IOException {
        byte[] header = new byte[WrapperDescriptor.HEADER_LENGTH];
        in.readFully(header);
        int length = ((header[WrapperDescriptor.LENGTH_FIELD_OFFSET] & 0xFF) << 8)
                | (header[WrapperDescriptor.LENGTH_FIELD_OFFSET + 1] & 0xFF);
        byte[] payload = new byte[length];
        in.readFully(payload);
        return PushAcknowledgement.decode(payload);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
