package org.meterguard.core.access;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A member of staff's completed privacy training: when it was completed and until when it counts.
 *
 * @param completedOn the day it was completed
 * @param validUntil the last day it counts; on or after {@code completedOn}
 */
public record TrainingRecord(LocalDate completedOn, LocalDate validUntil) {
    public TrainingRecord {
        Objects.requireNonNull(completedOn, "completedOn");
        Objects.requireNonNull(validUntil, "validUntil");
        if (validUntil.isBefore(completedOn)) {
            throw new IllegalArgumentException(
                    "training valid until " + validUntil + " ends before its completion on " + completedOn);
        }
    }

    /** True on the days from completion to {@code validUntil}, both included. */
    public boolean currentOn(LocalDate day) {
        return !day.isBefore(completedOn) && !day.isAfter(validUntil);
    }
}
