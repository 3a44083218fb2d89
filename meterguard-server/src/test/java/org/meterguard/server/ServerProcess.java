package org.meterguard.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The server run as its own JVM, as the README's run command runs it, so a test can kill it with -9. Its
 * output is collected line by line for the test to wait on and read (e.g. the passwords printed on first
 * start).
 */
final class ServerProcess implements AutoCloseable {
    private static final Random RANDOM = new Random();
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    final int httpPort;
    final int headEndPort;

    private ServerProcess(Process process, int httpPort, int headEndPort) {
        this.process = process;
        this.httpPort = httpPort;
        this.headEndPort = headEndPort;
        Thread reader = new Thread(this::collect, "server-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ServerProcess start(Path dataDirectory, int httpPort, int headEndPort, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.meterguard.server.MeterguardApplication",
                "--meterguard.data-dir=" + dataDirectory,
                "--server.port=" + httpPort,
                "--meterguard.headend.port=" + headEndPort));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new ServerProcess(process, httpPort, headEndPort);
    }

    /**
     * A port no one listens on, below Linux's ephemeral range (32768-60999) so that no outgoing connection of
     * another test takes it between now and the server's bind (or its restart on the same port), and never one
     * handed out before in this JVM. Asking the kernel for port 0 twice can return the same port twice, which
     * once made the head-end's bind collide with Tomcat's.
     */
    static synchronized int freePort() throws IOException {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = 20_000 + RANDOM.nextInt(12_000);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                HANDED_OUT.add(port);
                return socket.getLocalPort();
            } catch (IOException inUse) {
                // taken; try another
            }
        }
        throw new IOException("no free port in 20000-31999 after 1000 attempts");
    }

    /** Waits until a line matching {@code condition} has been printed; fails with the output so far. */
    String awaitLine(Predicate<String> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : lines) {
                if (condition.test(line)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not print the expected line within " + timeout + " (alive: "
                + process.isAlive() + "); its output:\n" + String.join("\n", lines));
    }

    List<String> output() {
        return List.copyOf(lines);
    }

    /** Kills the JVM as {@code kill -9} does: no shutdown hook runs. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void collect() {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(output closed: " + e + ")");
        }
    }
}
