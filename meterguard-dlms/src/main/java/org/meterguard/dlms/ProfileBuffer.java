package org.meterguard.dlms;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * N entries of a load profile with K value columns, held in primitive arrays: for each row the capture instant
 * (millisecond precision) and K raw integer values as transmitted (the column's scaler applies separately). Immutable;
 * built with {@link #builder(int)}.
 */
public final class ProfileBuffer {
    private final int columns;
    private final long[] capturedAtMillis;
    private final long[] values;

    private ProfileBuffer(int columns, long[] capturedAtMillis, long[] values) {
        this.columns = columns;
        this.capturedAtMillis = capturedAtMillis;
        this.values = values;
    }

    /**
     * A buffer over these arrays, which the caller hands over and never touches again (package-private, for the
     * decoders): {@code values.length == capturedAtMillis.length * columns}.
     */
    static ProfileBuffer wrap(int columns, long[] capturedAtMillis, long[] values) {
        if (columns < 1 || values.length != capturedAtMillis.length * columns) {
            throw new IllegalArgumentException("profile buffer of " + capturedAtMillis.length + " rows and " + columns
                    + " columns cannot hold " + values.length + " values");
        }
        return new ProfileBuffer(columns, capturedAtMillis, values);
    }

    /** The capture instant of {@code row} in epoch milliseconds. */
    public long capturedAtMillis(int row) {
        Objects.checkIndex(row, size());
        return capturedAtMillis[row];
    }

    /** A builder of rows with {@code columns} values each (at least 1). */
    public static Builder builder(int columns) {
        return builder(columns, 16);
    }

    /** A builder of rows with {@code columns} values each (at least 1), with room for {@code rows} rows to start. */
    public static Builder builder(int columns, int rows) {
        if (columns < 1) {
            throw new IllegalArgumentException("a profile buffer needs at least 1 value column, got " + columns);
        }
        return new Builder(columns, Math.max(1, rows));
    }

    /** Number of rows N. */
    public int size() {
        return capturedAtMillis.length;
    }

    /** Number of value columns K. */
    public int columns() {
        return columns;
    }

    /** When row {@code row} was captured. */
    public Instant capturedAt(int row) {
        Objects.checkIndex(row, size());
        return Instant.ofEpochMilli(capturedAtMillis[row]);
    }

    /** The raw value of {@code column} (0-based, the clock excluded) in {@code row}. */
    public long value(int row, int column) {
        Objects.checkIndex(row, size());
        Objects.checkIndex(column, columns);
        return values[row * columns + column];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProfileBuffer other
                && columns == other.columns
                && Arrays.equals(capturedAtMillis, other.capturedAtMillis)
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * columns + Arrays.hashCode(capturedAtMillis)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "ProfileBuffer[" + size() + " rows × " + columns + " columns"
                + (size() == 0 ? "" : ", " + capturedAt(0) + " .. " + capturedAt(size() - 1)) + "]";
    }

    /** Collects rows in order; not thread-safe. */
    public static final class Builder {
        private final int columns;
        private long[] times;
        private long[] values;
        private int rows;

        private Builder(int columns, int capacity) {
            this.columns = columns;
            this.times = new long[capacity];
            this.values = new long[capacity * columns];
        }

        /**
         * Appends a row.
         *
         * @throws IllegalArgumentException when the value count is not K or the instant has sub-millisecond precision
         */
        public Builder add(Instant capturedAt, long... rowValues) {
            Objects.requireNonNull(capturedAt, "capturedAt");
            if (rowValues.length != columns) {
                throw new IllegalArgumentException(
                        "row " + rows + " has " + rowValues.length + " values; expected " + columns);
            }
            if (capturedAt.getNano() % 1_000_000 != 0) {
                throw new IllegalArgumentException("capture instant " + capturedAt + " is finer than a millisecond");
            }
            if (rows == times.length) {
                times = Arrays.copyOf(times, rows * 2);
                values = Arrays.copyOf(values, rows * 2 * columns);
            }
            times[rows] = capturedAt.toEpochMilli();
            System.arraycopy(rowValues, 0, values, rows * columns, columns);
            rows++;
            return this;
        }

        /** The buffer of the rows added so far. */
        public ProfileBuffer build() {
            return new ProfileBuffer(columns, Arrays.copyOf(times, rows), Arrays.copyOf(values, rows * columns));
        }
    }
}
