package org.meterguard.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link AuditJournal} batches, signs and rolls its files; checked when built, immutable.
 *
 * @param headEveryEntries sign a tree head once this many entries have been appended since the last one
 * @param headInterval sign a tree head at least this often while there are entries no head covers yet
 * @param segmentBytes start a new segment file once the current one has reached this size
 * @param maxBatchEntries the most entries the writer takes at once; 1 gives one fsync per entry, the writer then
 *     waiting for each (a baseline to measure group commit against)
 * @param maxPendingEntries the most appends waiting for the writer; appenders block beyond it
 * @param clock the source of tree head timestamps
 */
public record JournalSettings(
        long headEveryEntries,
        Duration headInterval,
        long segmentBytes,
        int maxBatchEntries,
        int maxPendingEntries,
        Clock clock) {
    /** The smallest segment size accepted; a segment may exceed its size by the batch that fills it. */
    public static final long MIN_SEGMENT_BYTES = 64L << 10;

    /**
     * A head every 100,000 entries or every second, segments of 256 MiB, batches of at most 65,536 entries, at most
     * 1,048,576 appends waiting, the system clock.
     */
    public static JournalSettings defaults() {
        return new JournalSettings(100_000, Duration.ofSeconds(1), 256L << 20, 65_536, 1 << 20, Clock.systemUTC());
    }

    /** Checks every value; the message names the one out of range. */
    public JournalSettings {
        Objects.requireNonNull(headInterval, "headInterval");
        Objects.requireNonNull(clock, "clock");
        if (headEveryEntries < 1) {
            throw new IllegalArgumentException("headEveryEntries " + headEveryEntries + " must be at least 1");
        }
        if (headInterval.isNegative() || headInterval.isZero() || headInterval.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("headInterval " + headInterval + " must be above 0 and at most 1 hour");
        }
        if (segmentBytes < MIN_SEGMENT_BYTES) {
            throw new IllegalArgumentException(
                    "segmentBytes " + segmentBytes + " must be at least " + MIN_SEGMENT_BYTES);
        }
        if (maxBatchEntries < 1 || maxBatchEntries > 1 << 20) {
            throw new IllegalArgumentException("maxBatchEntries " + maxBatchEntries + " must be from 1 to 1048576");
        }
        if (maxPendingEntries < maxBatchEntries) {
            throw new IllegalArgumentException(
                    "maxPendingEntries " + maxPendingEntries + " must be at least maxBatchEntries " + maxBatchEntries);
        }
    }

    public JournalSettings withHeadEveryEntries(long entries) {
        return new JournalSettings(entries, headInterval, segmentBytes, maxBatchEntries, maxPendingEntries, clock);
    }

    public JournalSettings withHeadInterval(Duration interval) {
        return new JournalSettings(headEveryEntries, interval, segmentBytes, maxBatchEntries, maxPendingEntries, clock);
    }

    public JournalSettings withSegmentBytes(long bytes) {
        return new JournalSettings(headEveryEntries, headInterval, bytes, maxBatchEntries, maxPendingEntries, clock);
    }

    public JournalSettings withMaxBatchEntries(int entries) {
        return new JournalSettings(
                headEveryEntries, headInterval, segmentBytes, entries, Math.max(entries, maxPendingEntries), clock);
    }

    public JournalSettings withMaxPendingEntries(int entries) {
        return new JournalSettings(headEveryEntries, headInterval, segmentBytes, maxBatchEntries, entries, clock);
    }

    public JournalSettings withClock(Clock newClock) {
        return new JournalSettings(
                headEveryEntries, headInterval, segmentBytes, maxBatchEntries, maxPendingEntries, newClock);
    }
}
