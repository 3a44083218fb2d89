package org.meterguard.core.detection;

/** How urgent a finding is; the same scale as the server's alerts. */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL;

    /** The more urgent of this and {@code other}. */
    public Severity atLeast(Severity other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
