package org.meterguard.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoticeScheduleTest {
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final Instant NOW = Instant.parse("2026-11-23T18:00:00Z");

    @Test
    void newAccountIsGivenTheNoticeFirst() {
        assertThat(NoticeSchedule.due(notice(1), Optional.empty(), NOW, ZONE)).contains(NoticeReason.NEW_ACCOUNT);
    }

    @Test
    void changedVersionIsDueToThoseGivenAnOlderOne() {
        assertThat(NoticeSchedule.due(notice(3), given(2, "2026-11-01T00:00:00Z"), NOW, ZONE))
                .contains(NoticeReason.CHANGED_VERSION);
    }

    @Test
    void nothingIsDueWithinAYearOfTheCurrentVersion() {
        assertThat(NoticeSchedule.due(notice(2), given(2, "2025-11-24T18:00:00Z"), NOW, ZONE))
                .isEmpty();
    }

    @Test
    void annualNoticeIsDueAYearAfterTheLastInTheLocalCalendar() {
        // 2025-11-23 10:00 in Los Angeles: a year later, local day 2026-11-23, is due
        assertThat(NoticeSchedule.due(notice(2), given(2, "2025-11-23T18:00:00Z"), NOW, ZONE))
                .contains(NoticeReason.ANNUAL);
        // 2025-11-24 07:00 UTC is still 2025-11-23 in Los Angeles
        assertThat(NoticeSchedule.due(notice(2), given(2, "2025-11-24T07:00:00Z"), NOW, ZONE))
                .contains(NoticeReason.ANNUAL);
    }

    @Test
    void noticeWithoutCategoriesOrContactIsRefusedNamingWhatIsMissing() {
        PrivacyOfficial official = official();
        assertThatThrownBy(() -> new NoticeContent(official, List.of(), List.of(), "opt out"))
                .hasMessageContaining("category");
        assertThatThrownBy(() -> new PrivacyOfficial("Chief Privacy Officer", "not-an-email", "1 Main St", "555"))
                .hasMessageContaining("not-an-email");
        assertThatThrownBy(() -> new PrivacyOfficial("Chief Privacy Officer", "p@x.org", " ", "555"))
                .hasMessageContaining("postal address");
    }

    private static Optional<NoticeGiven> given(int version, String at) {
        return Optional.of(new NoticeGiven("A-1", version, NoticeReason.NEW_ACCOUNT, Instant.parse(at), "portal"));
    }

    private static PrivacyOfficial official() {
        return new PrivacyOfficial(
                "Chief Privacy Officer", "privacy@utility.example", "1 Main St, Springfield", "+1 555 0100");
    }

    private static PrivacyNotice notice(int version) {
        return new PrivacyNotice(
                version,
                LocalDate.parse("2026-01-01"),
                Instant.parse("2025-12-01T00:00:00Z"),
                new NoticeContent(
                        official(),
                        List.of(new InformationCategory("interval energy usage", "billing")),
                        List.of(),
                        "opt out of programs"));
    }
}
