package org.meterguard.server.detection.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.meterguard.server.audit.AuditEntryAppended;
import org.meterguard.server.detection.DetectionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Receives every appended audit entry and queues it for the detector, so that the request that caused it only
 * pays for an offer to a queue. A plain {@code @EventListener}, not a transactional one: an entry is durable once
 * appended whatever becomes of the caller's transaction (a refused read rolls back, and its refusal must still be
 * examined). When the queue is full the entry is counted as dropped, logged, and the detector raises an alert for
 * it: never lost silently.
 */
@Component
public class AccessQueue {
    private static final Logger log = LoggerFactory.getLogger(AccessQueue.class);

    private final BlockingQueue<AuditEntryAppended> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final boolean enabled;

    AccessQueue(DetectionProperties properties) {
        this.queue = new ArrayBlockingQueue<>(Math.max(1, properties.queueCapacity()));
        this.enabled = properties.enabled();
    }

    @EventListener
    public void appended(AuditEntryAppended entry) {
        if (enabled && !queue.offer(entry) && dropped.getAndIncrement() == 0) {
            log.error(
                    "Detection is behind: its queue is full, audit entry {} and later ones are not examined",
                    entry.seq());
        }
    }

    /** Up to {@code most} queued entries, oldest first. */
    public List<AuditEntryAppended> take(int most) {
        List<AuditEntryAppended> out = new ArrayList<>(Math.min(most, queue.size()));
        queue.drainTo(out, most);
        return out;
    }

    /** How many entries were dropped since the last call. */
    public long takeDropped() {
        return dropped.getAndSet(0);
    }
}
