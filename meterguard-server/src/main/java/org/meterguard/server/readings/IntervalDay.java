package org.meterguard.server.readings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;
import org.meterguard.server.database.CopyBinary;
import org.meterguard.server.database.PackedSlots;

/**
 * The slots of one meter, channel and UTC day: the unit the store writes and reads. Mutable while a batch is
 * assembled (readings of several frames for the same day fill the same instance); a slot filled first keeps its
 * value, as the store keeps a stored slot.
 */
public final class IntervalDay {
    /** About the bytes a 96-slot day takes in a binary COPY, to size buffers. */
    static final int COPY_BYTES = 500;

    /** The {@code quality} column's mark for a row whose slots carry different codes (kept in {@code qualities}). */
    static final short MIXED_QUALITY = -1;

    private final MeterId meterId;
    private final Channel channel;
    private final LocalDate day;
    private final IntervalGrid grid;
    private final long[] values;
    private final short[] quality;
    private final boolean[] present;

    public IntervalDay(MeterId meterId, Channel channel, IntervalGrid grid, LocalDate day) {
        this.meterId = Objects.requireNonNull(meterId, "meterId");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.day = Objects.requireNonNull(day, "day");
        this.grid = Objects.requireNonNull(grid, "grid");
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
            set(slot, value, (short) readingQuality.espiCode());
        }
    }

    /** Fills this day's empty slots from {@code other}, a day with the same key and grid. */
    public void fillFrom(IntervalDay other) {
        requireSameShape(other);
        for (int slot = 0; slot < values.length; slot++) {
            if (!present[slot] && other.present[slot]) {
                set(slot, other.values[slot], other.quality[slot]);
            }
        }
    }

    /**
     * Takes a newly received day into this stored one, slot by slot: an empty slot takes the received value; an
     * equal value changes nothing; an estimate gives way to the meter's actual value (recorded as a revision);
     * any other stored value (raw, validated, edited) is kept and a different received value is recorded as a
     * conflict, never silently dropped or written over. Returns whether this day changed.
     */
    boolean absorb(IntervalDay received, Instant receivedAt, SlotChanges changes) {
        requireSameShape(received);
        boolean changed = false;
        for (int slot = 0; slot < values.length; slot++) {
            if (!received.present[slot]) {
                continue;
            }
            long value = received.values[slot];
            if (!present[slot]) {
                set(slot, value, received.quality[slot]);
                changed = true;
            } else if (values[slot] == value) {
                continue;
            } else if (ReadingQuality.ofEspiCode(quality[slot]).isEstimate()) {
                changes.revision(new Revision(
                        meterId,
                        channel,
                        startOf(slot),
                        values[slot],
                        quality[slot],
                        value,
                        received.quality[slot],
                        Revision.METER,
                        "actual reading replaces estimate"));
                set(slot, value, received.quality[slot]);
                changed = true;
            } else {
                changes.conflict(
                        new Conflict(meterId, channel, startOf(slot), values[slot], quality[slot], value, receivedAt));
            }
        }
        return changed;
    }

    /**
     * Replaces a slot's value and quality, as validation, estimation and editing do; the caller records the
     * revision ({@link ReadingStore#replace}).
     */
    public void replace(int slot, long value, ReadingQuality readingQuality) {
        set(slot, value, (short) readingQuality.espiCode());
    }

    private void set(int slot, long value, short espiQuality) {
        values[slot] = value;
        quality[slot] = espiQuality;
        present[slot] = true;
    }

    private void requireSameShape(IntervalDay other) {
        if (!other.key().equals(key())) {
            throw new IllegalArgumentException("cannot merge " + other.key() + " into " + key());
        }
        if (!other.grid.equals(grid)) {
            throw new IllegalArgumentException("day " + day + " of " + meterId + " " + channel + " holds "
                    + grid.interval().getSeconds() + "-second intervals; "
                    + other.grid.interval().getSeconds()
                    + "-second intervals cannot merge into it");
        }
    }

    /** The meter. */
    public MeterId meterId() {
        return meterId;
    }

    /** The channel. */
    public Channel channel() {
        return channel;
    }

    /** The day (UTC). */
    public LocalDate day() {
        return day;
    }

    /** The interval grid of the day's slots. */
    public IntervalGrid grid() {
        return grid;
    }

    /** The number of slots in the day. */
    public int slots() {
        return values.length;
    }

    /** The slot of an interval starting at {@code start}, which must lie on this day's grid. */
    public int slotOf(Instant start) {
        if (!grid.dayOf(start).equals(day)) {
            throw new IllegalArgumentException(start + " is not on " + day);
        }
        return grid.slotOf(start);
    }

    /** The start of a slot's interval. */
    public Instant startOf(int slot) {
        return grid.startOf(day, slot);
    }

    /** Whether a slot holds a value. */
    public boolean isFilled(int slot) {
        return present[slot];
    }

    /** The value of a filled slot. */
    public long value(int slot) {
        requireFilled(slot);
        return values[slot];
    }

    /** The quality of a filled slot. */
    public ReadingQuality quality(int slot) {
        requireFilled(slot);
        return ReadingQuality.ofEspiCode(quality[slot]);
    }

    /** The reading in a filled slot. */
    public IntervalReading reading(int slot) {
        return new IntervalReading(startOf(slot), value(slot), quality(slot));
    }

    private void requireFilled(int slot) {
        if (!present[slot]) {
            throw new IllegalStateException("slot " + slot + " of " + key() + " is empty");
        }
    }

    /** Number of filled slots. */
    public int filled() {
        int n = 0;
        for (boolean p : present) {
            n += p ? 1 : 0;
        }
        return n;
    }

    /** The row's shared quality code, or {@link #MIXED_QUALITY} when its filled slots differ. */
    short sharedQuality() {
        short shared = MIXED_QUALITY;
        for (int slot = 0; slot < values.length; slot++) {
            if (!present[slot]) {
                continue;
            }
            if (shared == MIXED_QUALITY) {
                shared = quality[slot];
            } else if (shared != quality[slot]) {
                return MIXED_QUALITY;
            }
        }
        return shared == MIXED_QUALITY ? (short) ReadingQuality.RAW.espiCode() : shared;
    }

    private byte[] slotQualities() {
        byte[] codes = new byte[values.length];
        for (int slot = 0; slot < values.length; slot++) {
            codes[slot] = (byte) quality[slot];
        }
        return codes;
    }

    /** Appends the row: meter_id, channel, day, interval_seconds, vals, quality, qualities. */
    void appendTo(CopyBinary rows) {
        short shared = sharedQuality();
        rows.row(7)
                .text(meterId.value())
                .int2(channel.code())
                .date(day)
                .int4((int) grid.interval().getSeconds())
                .packed(values, present)
                .int2(shared)
                .bytea(shared == MIXED_QUALITY ? slotQualities() : null);
    }

    /** A day as stored: packed values ({@link PackedSlots}) and the row's quality columns. */
    static IntervalDay stored(
            MeterId meterId,
            Channel channel,
            LocalDate day,
            int intervalSeconds,
            byte[] packed,
            short shared,
            byte[] codes) {
        IntervalDay stored =
                new IntervalDay(meterId, channel, new IntervalGrid(Duration.ofSeconds(intervalSeconds)), day);
        int slots = PackedSlots.slots(packed);
        if (slots != stored.slots()) {
            throw new IllegalStateException(
                    "stored row " + stored.key() + " has " + slots + " slots, not " + stored.slots());
        }
        boolean narrow = PackedSlots.isNarrow(packed.length);
        for (int slot = 0; slot < slots; slot++) {
            int value = PackedSlots.value(packed, narrow, slot);
            if (value != PackedSlots.MISSING) {
                stored.set(slot, value, shared == MIXED_QUALITY ? codes[slot] : shared);
            }
        }
        return stored;
    }
}
