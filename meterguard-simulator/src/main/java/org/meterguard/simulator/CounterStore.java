package org.meterguard.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.meterguard.dlms.InvocationCounter;

/**
 * The meters' invocation counters, persisted as a real meter keeps its counter in non-volatile memory. Counters
 * are reserved in blocks: the file records the top of the block before any counter in it is used, so after a
 * crash every meter resumes above anything it may already have sent, and a head-end never sees it go back.
 */
public final class CounterStore {
    private static final long BLOCK = 1_000;

    private final Path file;
    private final Map<String, Long> next = new HashMap<>();
    private final Map<String, Long> reservedUpTo = new HashMap<>();

    private CounterStore(Path file) {
        this.file = file;
    }

    /** The store in {@code file}, created empty when absent. */
    public static CounterStore open(Path file) throws IOException {
        CounterStore store = new CounterStore(file);
        if (Files.exists(file)) {
            Properties saved = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                saved.load(in);
            }
            saved.forEach((meter, top) -> {
                store.next.put((String) meter, Long.parseLong((String) top));
                store.reservedUpTo.put((String) meter, Long.parseLong((String) top));
            });
        }
        return store;
    }

    /** The next counter of {@code meterId}, strictly above every counter handed out before. */
    public synchronized InvocationCounter next(String meterId) throws IOException {
        long counter = next.getOrDefault(meterId, 0L) + 1;
        if (counter > reservedUpTo.getOrDefault(meterId, 0L)) {
            reservedUpTo.put(meterId, counter + BLOCK);
            save();
        }
        next.put(meterId, counter);
        return new InvocationCounter(counter);
    }

    private void save() throws IOException {
        Properties out = new Properties();
        reservedUpTo.forEach((meter, top) -> out.setProperty(meter, Long.toString(top)));
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream stream = Files.newOutputStream(temporary)) {
            out.store(stream, "invocation counters reserved per meter");
        }
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
