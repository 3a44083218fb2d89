package org.meterguard.server.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.meterguard.audit.AuditEvent;
import org.meterguard.core.privacy.InformationCategory;
import org.meterguard.core.privacy.NoticeContent;
import org.meterguard.core.privacy.NoticeDisclosure;
import org.meterguard.core.privacy.NoticeGiven;
import org.meterguard.core.privacy.NoticeReason;
import org.meterguard.core.privacy.NoticeSchedule;
import org.meterguard.core.privacy.PrivacyNotice;
import org.meterguard.core.privacy.PrivacyOfficial;
import org.meterguard.server.audit.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The privacy notice's versions and the notice log. A version is published with an effective date and never
 * changed; the current version is the newest in effect today (in the utility's zone). Customers are told of a new
 * version at their next sign-in ({@link #due}, then {@link #recordGiven}); each notice given is logged and
 * audited.
 */
@Service
public class PrivacyNotices {
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ZoneId zone;
    private final Clock clock;

    PrivacyNotices(
            JdbcClient jdbc,
            AuditLog audit,
            @Value("${meterguard.vee.default-time-zone:America/Los_Angeles}") ZoneId zone) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.zone = zone;
        this.clock = Clock.systemUTC();
    }

    /** The utility's zone, in which effective dates are days. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Publishes {@code content} as the next version, in effect from {@code effectiveFrom}, which may not lie
     * before today nor before the effective date of the newest version. Audited under {@code actor}.
     */
    @Transactional
    public PrivacyNotice publish(NoticeContent content, LocalDate effectiveFrom, String actor, String role) {
        jdbc.sql("LOCK TABLE privacy_notice IN EXCLUSIVE MODE").update();
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        if (effectiveFrom.isBefore(today)) {
            throw new NoticeRefused("effective date " + effectiveFrom + " lies in the past (today is " + today
                    + "); a notice takes effect today or later");
        }
        Optional<PrivacyNotice> newest = versions().stream().findFirst();
        if (newest.isPresent() && effectiveFrom.isBefore(newest.get().effectiveFrom())) {
            throw new NoticeRefused("effective date " + effectiveFrom + " lies before that of version "
                    + newest.get().version() + " (" + newest.get().effectiveFrom() + ")");
        }
        int version = newest.map(n -> n.version() + 1).orElse(1);
        insert(version, effectiveFrom, now, actor, content);
        audit.append(new AuditEvent(
                now,
                actor,
                role,
                "publish-privacy-notice",
                "privacy-notice/" + version,
                "privacy-notice",
                "",
                "",
                "PERMIT",
                "",
                "version " + version + " effective " + effectiveFrom));
        return new PrivacyNotice(version, effectiveFrom, now, content);
    }

    private void insert(int version, LocalDate effectiveFrom, Instant now, String actor, NoticeContent content) {
        PrivacyOfficial official = content.official();
        jdbc.sql("""
                        INSERT INTO privacy_notice (version, effective_from, published_at, published_by, official_title,
                                                    official_email, official_postal_address, official_phone, how_to_limit)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        version,
                        effectiveFrom,
                        Timestamp.from(now),
                        actor,
                        official.title(),
                        official.email(),
                        official.postalAddress(),
                        official.phone(),
                        content.howToLimit())
                .update();
        int position = 0;
        for (InformationCategory c : content.categories()) {
            jdbc.sql("INSERT INTO privacy_notice_category (version, position, category, purposes) VALUES (?, ?, ?, ?)")
                    .params(version, position++, c.category(), c.purposes())
                    .update();
        }
        position = 0;
        for (NoticeDisclosure d : content.disclosures()) {
            jdbc.sql("INSERT INTO privacy_notice_disclosure (version, position, recipient, information, purpose)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(version, position++, d.recipient(), d.information(), d.purpose())
                    .update();
        }
    }

    /** Every published version, newest first (including any not yet in effect). */
    public List<PrivacyNotice> versions() {
        List<PrivacyNotice> notices = new ArrayList<>();
        jdbc.sql("SELECT * FROM privacy_notice ORDER BY version DESC").query(rs -> {
            notices.add(notice(rs));
        });
        return notices;
    }

    /** The version in effect today, if any has been published. */
    public Optional<PrivacyNotice> current() {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        return versions().stream().filter(n -> n.effectiveBy(today)).findFirst();
    }

    /** One version, if published. */
    public Optional<PrivacyNotice> version(int version) {
        return versions().stream().filter(n -> n.version() == version).findFirst();
    }

    private PrivacyNotice notice(ResultSet rs) throws SQLException {
        int version = rs.getInt("version");
        PrivacyOfficial official = new PrivacyOfficial(
                rs.getString("official_title"),
                rs.getString("official_email"),
                rs.getString("official_postal_address"),
                rs.getString("official_phone"));
        List<InformationCategory> categories = jdbc.sql(
                        "SELECT category, purposes FROM privacy_notice_category WHERE version = ? ORDER BY position")
                .param(version)
                .query((r, n) -> new InformationCategory(r.getString(1), r.getString(2)))
                .list();
        List<NoticeDisclosure> disclosures = jdbc.sql("SELECT recipient, information, purpose"
                        + " FROM privacy_notice_disclosure WHERE version = ? ORDER BY position")
                .param(version)
                .query((r, n) -> new NoticeDisclosure(r.getString(1), r.getString(2), r.getString(3)))
                .list();
        return new PrivacyNotice(
                version,
                rs.getObject("effective_from", LocalDate.class),
                rs.getTimestamp("published_at").toInstant(),
                new NoticeContent(official, categories, disclosures, rs.getString("how_to_limit")));
    }

    /** The notice due to {@code accountId} now, with why; empty when none is due (or none is published). */
    public Optional<NoticeDue> due(String accountId) {
        Optional<PrivacyNotice> current = current();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        return NoticeSchedule.due(current.get(), lastGiven(accountId), clock.instant(), zone)
                .map(reason -> new NoticeDue(current.get(), reason));
    }

    /** A notice due to a customer, and why. */
    public record NoticeDue(PrivacyNotice notice, NoticeReason reason) {}

    /** Logs that {@code due} was given to {@code accountId} by {@code channel}, and audits it. */
    @Transactional
    public NoticeGiven recordGiven(String accountId, NoticeDue due, String channel) {
        NoticeGiven given = new NoticeGiven(accountId, due.notice().version(), due.reason(), clock.instant(), channel);
        jdbc.sql("INSERT INTO privacy_notice_given (account_id, version, reason, given_at, channel)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(accountId, given.version(), given.reason().name(), Timestamp.from(given.givenAt()), channel)
                .update();
        audit.append(new AuditEvent(
                given.givenAt(),
                "system",
                "",
                "give-privacy-notice",
                "privacy-notice/" + given.version(),
                "account:" + accountId,
                "",
                "",
                "PERMIT",
                "",
                given.reason() + " by " + channel));
        return given;
    }

    /** The notice log of {@code accountId}, newest first. */
    public List<NoticeGiven> log(String accountId) {
        return jdbc.sql("SELECT account_id, version, reason, given_at, channel FROM privacy_notice_given"
                        + " WHERE account_id = ? ORDER BY given_at DESC, id DESC")
                .param(accountId)
                .query((rs, n) -> new NoticeGiven(
                        rs.getString(1),
                        rs.getInt(2),
                        NoticeReason.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5)))
                .list();
    }

    private Optional<NoticeGiven> lastGiven(String accountId) {
        return log(accountId).stream().findFirst();
    }
}
