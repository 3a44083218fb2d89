package org.meterguard.core.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One published version of the notice.
 *
 * @param version 1, 2, …: each publication adds the next
 * @param effectiveFrom the day it takes effect (in the utility's zone)
 * @param publishedAt when the privacy officer published it
 * @param content what it says
 */
public record PrivacyNotice(int version, LocalDate effectiveFrom, Instant publishedAt, NoticeContent content) {
    public PrivacyNotice {
        if (version < 1) {
            throw new IllegalArgumentException("invalid notice version " + version + "; versions start at 1");
        }
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(content, "content");
    }

    /** Whether this version is in effect or was before {@code day}. */
    public boolean effectiveBy(LocalDate day) {
        return !effectiveFrom.isAfter(day);
    }
}
