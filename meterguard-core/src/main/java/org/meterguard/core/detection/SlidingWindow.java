package org.meterguard.core.detection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Per key, the records of the last {@code length} (by the records' own times): counts and their evidence. */
final class SlidingWindow {
    private record Entry(Instant at, Evidence evidence) {}

    private final Duration length;
    private final Map<String, Deque<Entry>> byKey = new HashMap<>();
    private Instant lastPruned = Instant.MIN;

    SlidingWindow(Duration length) {
        this.length = length;
    }

    /** Adds a record under {@code key} and returns how many the key has within the window ending at {@code at}. */
    int add(String key, Instant at, Evidence evidence) {
        Deque<Entry> entries = byKey.computeIfAbsent(key, k -> new ArrayDeque<>());
        entries.addLast(new Entry(at, evidence));
        Instant since = at.minus(length);
        entries.removeIf(e -> !e.at().isAfter(since));
        return entries.size();
    }

    /** The evidence under {@code key} now in the window, oldest first, at most {@code limit}. */
    List<Evidence> evidence(String key, int limit) {
        List<Evidence> out = new ArrayList<>();
        for (Entry entry : byKey.getOrDefault(key, new ArrayDeque<>())) {
            if (out.size() == limit) {
                break;
            }
            out.add(entry.evidence());
        }
        return out;
    }

    /** Forgets keys whose last record is older than the window before {@code now}; at most once per window. */
    void prune(Instant now) {
        Instant since = now.minus(length);
        if (since.isBefore(lastPruned)) {
            return;
        }
        lastPruned = now;
        byKey.values()
                .removeIf(
                        entries -> entries.isEmpty() || !entries.peekLast().at().isAfter(since));
    }
}
