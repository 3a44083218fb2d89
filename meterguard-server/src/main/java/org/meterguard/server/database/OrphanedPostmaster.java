package org.meterguard.server.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running on our data directory by a JVM that died without stopping it (killed with
 * -9, say). The embedded library starts postmasters detached, so they outlive the JVM; the next start on the
 * same directory would then fail. This finds such an orphan through {@code postmaster.pid}, checks that the
 * process really is a postgres serving this very directory (never another cluster, never a reused pid), and
 * stops it with a fast shutdown so that the data stays intact.
 */
final class OrphanedPostmaster {
    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

    private final long pid;
    private final Path dataDirectory;

    private OrphanedPostmaster(long pid, Path dataDirectory) {
        this.pid = pid;
        this.dataDirectory = dataDirectory;
    }

    /** The orphan on {@code dataDirectory}, if one is running. */
    static Optional<OrphanedPostmaster> find(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).strip());
        Path recordedDirectory = Path.of(lines.get(1).strip());
        boolean servesThisDirectory = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> isPostgresServing(p, dataDirectory))
                .isPresent();
        if (!servesThisDirectory || !sameDirectory(recordedDirectory, dataDirectory)) {
            return Optional.empty();
        }
        return Optional.of(new OrphanedPostmaster(pid, dataDirectory));
    }

    /** Stops the orphan with a fast shutdown (SIGINT): sessions are ended, the checkpoint is written. */
    void stop(Duration wait) throws IOException, InterruptedException {
        log.warn(
                "Found a PostgreSQL server (pid {}) left running on {}; stopping it before starting anew",
                pid,
                dataDirectory);
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid))
                .redirectErrorStream(true)
                .start();
        kill.waitFor(10, TimeUnit.SECONDS);
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return;
        }
        try {
            handle.get().onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(
                    "the PostgreSQL server (pid " + pid + ") left running on " + dataDirectory + " did not stop within "
                            + wait + "; stop it by hand",
                    e);
        }
    }

    long pid() {
        return pid;
    }

    private static boolean isPostgresServing(ProcessHandle process, Path dataDirectory) {
        String commandLine = process.info().commandLine().orElse("");
        String command = process.info().command().orElse("");
        return command.endsWith("postgres") && commandLine.contains(dataDirectory.toString());
    }

    private static boolean sameDirectory(Path recorded, Path dataDirectory) {
        try {
            return Files.isSameFile(recorded, dataDirectory);
        } catch (IOException e) {
            return false;
        }
    }
}
