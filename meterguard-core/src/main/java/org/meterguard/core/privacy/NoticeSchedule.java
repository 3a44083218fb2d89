package org.meterguard.core.privacy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a customer must be given the notice: an account never given it gets it as a new account; one last given an
 * older version gets the version now in effect; one given the current version more than a year ago gets it again
 * as the annual notice. Otherwise nothing is due.
 */
public final class NoticeSchedule {
    private NoticeSchedule() {}

    /**
     * Why {@code current} is due to an account whose last notice given was {@code last} (empty when never), at
     * {@code now} in {@code zone}; empty when nothing is due.
     */
    public static Optional<NoticeReason> due(
            PrivacyNotice current, Optional<NoticeGiven> last, Instant now, ZoneId zone) {
        if (last.isEmpty()) {
            return Optional.of(NoticeReason.NEW_ACCOUNT);
        }
        if (last.get().version() < current.version()) {
            return Optional.of(NoticeReason.CHANGED_VERSION);
        }
        boolean yearPassed = !last.get()
                .givenAt()
                .atZone(zone)
                .toLocalDate()
                .plusYears(1)
                .isAfter(now.atZone(zone).toLocalDate());
        return yearPassed ? Optional.of(NoticeReason.ANNUAL) : Optional.empty();
    }
}
