package org.meterguard.dlms;

/**
 * The 32-bit invocation counter of security suite 0: the last four bytes of the GCM initialisation vector. A sender
 * must never reuse a value under one key; a receiver accepts a frame only when its counter is after the last one it
 * accepted.
 *
 * @param value 0 to 0xFFFFFFFF
 */
public record InvocationCounter(long value) {
    /** Largest counter value; once used, the key must be renewed. */
    public static final long MAX = 0xFFFF_FFFFL;

    /** The first counter value. */
    public static final InvocationCounter ZERO = new InvocationCounter(0);

    public InvocationCounter {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("invocation counter " + value + " out of range 0..4294967295");
        }
    }

    /** Equivalent to the constructor. */
    public static InvocationCounter of(long value) {
        return new InvocationCounter(value);
    }

    /**
     * The following counter value.
     *
     * @throws IllegalStateException when this is {@link #MAX}: the key must be renewed
     */
    public InvocationCounter next() {
        if (value == MAX) {
            throw new IllegalStateException("invocation counter exhausted at " + value + "; renew the key");
        }
        return new InvocationCounter(value + 1);
    }

    /** Whether this counter is strictly greater than {@code other}. */
    public boolean isAfter(InvocationCounter other) {
        return value > other.value;
    }

    /** The four bytes, big-endian. */
    public byte[] toBytes() {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}
