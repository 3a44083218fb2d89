package org.meterguard.server.audit.internal;

import java.time.Instant;

/**
 * Which projected entries to list; every bound is optional (null) and they combine.
 *
 * @param fromIndex the first leaf index, inclusive
 * @param toIndex the last leaf index, exclusive
 * @param from entries at or after this time
 * @param to entries before this time
 * @param actor exactly this actor
 * @param subject exactly this subject, e.g. {@code account:A-1}
 * @param limit the most entries returned, 1 to {@link #MAX_LIMIT}
 */
public record EntryQuery(
        Long fromIndex, Long toIndex, Instant from, Instant to, String actor, String subject, int limit) {
    /** The most entries one query returns. */
    public static final int MAX_LIMIT = 10_000;

    /** Checks the limit and the index bounds. */
    public EntryQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit + " must be from 1 to " + MAX_LIMIT);
        }
        if ((fromIndex != null && fromIndex < 0) || (toIndex != null && toIndex < 0)) {
            throw new IllegalArgumentException("leaf indices are never negative");
        }
    }
}
