package org.meterguard.server.web;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.meterguard.core.TimeRange;

/** Time ranges given as {@code from} and {@code to} request parameters (ISO-8601 instants). */
public final class TimeRanges {
    private TimeRanges() {}

    /** The range {@code [from, to)}, at most {@code longest} long; a {@link BadRequest} says what is wrong. */
    public static TimeRange parse(String from, String to, Duration longest) {
        return BadRequest.parse("from/to", from + "/" + to, x -> {
            TimeRange range = new TimeRange(instant(from), instant(to));
            if (range.length().compareTo(longest) > 0) {
                throw new IllegalArgumentException(
                        "the range " + range.length().toDays() + " days is longer than " + longest.toDays() + " days");
            }
            return range;
        });
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
    }
}
