package org.meterguard.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The server run as its own JVM, as the README's run command runs it, so a test can kill it with -9. Its
 * output is collected line by line for the test to wait on and read (e.g. the passwords printed on first
 * start).
 */
final class ServerProcess implements AutoCloseable {
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

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
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
