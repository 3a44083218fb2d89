package org.meterguard.core.vee;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What one rule found about a run of consecutive intervals (one interval for most checks; a run for a gap or for a
 * register comparison).
 *
 * @param rule the rule's name, e.g. {@code "gap"}; stable, for storage and reports
 * @param intervalStart the start of the first interval concerned; for a reading off the interval grid, or a register
 *     read off it, the instant it claims
 * @param intervals how many consecutive intervals from {@code intervalStart} the finding covers; at least 1
 * @param severity whether a check failed or this is a warning
 * @param detail what was found, for a person: the values and thresholds involved
 */
public record Finding(String rule, Instant intervalStart, int intervals, Severity severity, String detail) {
    public Finding {
        requireText(rule, "rule");
        Objects.requireNonNull(intervalStart, "intervalStart");
        Objects.requireNonNull(severity, "severity");
        requireText(detail, "detail");
        if (intervals < 1) {
            throw new IllegalArgumentException("a finding covers at least one interval; got " + intervals);
        }
    }

    static Finding error(String rule, Instant intervalStart, int intervals, String detail) {
        return new Finding(rule, intervalStart, intervals, Severity.ERROR, detail);
    }

    static Finding warning(String rule, Instant intervalStart, int intervals, String detail) {
        return new Finding(rule, intervalStart, intervals, Severity.WARNING, detail);
    }

    /** True where the interval starting at {@code start} is one of the intervals this finding covers. */
    public boolean covers(Instant start, Duration interval) {
        return !start.isBefore(intervalStart) && start.isBefore(intervalStart.plus(interval.multipliedBy(intervals)));
    }

    private static void requireText(String text, String name) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a finding needs a non-blank " + name);
        }
    }
}
