package org.meterguard.server.readings;

import java.time.LocalDate;
import java.util.Objects;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;

/**
 * The slots of one meter, channel and UTC day that a batch brings: the unit the store writes. Mutable while a
 * batch is assembled (readings of several frames for the same day fill the same instance); a slot filled first
 * keeps its value, as the store keeps a stored slot.
 */
public final class IntervalDay {
    /** About the bytes a 96-slot day takes in a binary COPY, to size buffers. */
    static final int COPY_BYTES = 1_900;

    private final MeterId meterId;
    private final Channel channel;
    private final LocalDate day;
    private final int intervalSeconds;
    private final long[] values;
    private final short[] quality;
    private final boolean[] present;

    public IntervalDay(MeterId meterId, Channel channel, IntervalGrid grid, LocalDate day) {
        this.meterId = Objects.requireNonNull(meterId, "meterId");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.day = Objects.requireNonNull(day, "day");
        this.intervalSeconds = (int) grid.interval().getSeconds();
        int slots = grid.slotsPerDay();
        values = new long[slots];
        quality = new short[slots];
        present = new boolean[slots];
    }

    /** The key this day is merged under. */
    public Key key() {
        return new Key(meterId, channel, day);
    }

    /** Identifies a stored day row. */
    public record Key(MeterId meterId, Channel channel, LocalDate day) {}

    /** Fills the slot of {@code reading} (which lies on this day's grid) unless it already holds a value. */
    public void fill(int slot, IntervalReading reading) {
        fill(slot, reading.value(), reading.quality());
    }

    /** Fills a slot unless it already holds a value. */
    public void fill(int slot, long value, ReadingQuality readingQuality) {
        if (!present[slot]) {
            values[slot] = value;
            quality[slot] = (short) readingQuality.espiCode();
            present[slot] = true;
        }
    }

    /** Fills this day's empty slots from {@code other}, a day with the same key and grid. */
    public void fillFrom(IntervalDay other) {
        if (!other.key().equals(key()) || other.intervalSeconds != intervalSeconds) {
            throw new IllegalArgumentException("cannot merge " + other.key() + " into " + key());
        }
        for (int slot = 0; slot < values.length; slot++) {
            if (!present[slot] && other.present[slot]) {
                values[slot] = other.values[slot];
                quality[slot] = other.quality[slot];
                present[slot] = true;
            }
        }
    }

    /** The channel. */
    public Channel channel() {
        return channel;
    }

    /** The day (UTC). */
    public LocalDate day() {
        return day;
    }

    /** The number of slots in the day. */
    public int slots() {
        return values.length;
    }

    /** Whether a slot holds a value. */
    public boolean isFilled(int slot) {
        return present[slot];
    }

    /** The value of a filled slot. */
    public long value(int slot) {
        if (!present[slot]) {
            throw new IllegalStateException("slot " + slot + " of " + key() + " is empty");
        }
        return values[slot];
    }

    /** Number of filled slots. */
    public int filled() {
        int n = 0;
        for (boolean p : present) {
            n += p ? 1 : 0;
        }
        return n;
    }

    void appendTo(org.meterguard.server.database.CopyBinary rows) {
        rows.row(6)
                .text(meterId.value())
                .int2(channel.code())
                .date(day)
                .int4(intervalSeconds)
                .int8Array(values, present)
                .int2Array(quality, present);
    }
}
