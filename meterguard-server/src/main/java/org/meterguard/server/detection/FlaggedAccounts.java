package org.meterguard.server.detection;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.meterguard.audit.AuditEvent;
import org.meterguard.core.detection.FlagKind;
import org.meterguard.core.detection.FlaggedSubjects;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.web.BadRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The flagged accounts: employees', VIPs' and honeytokens, kept by the privacy officer or the security auditor.
 * Every change is audited ({@code flag-subject}, {@code unflag-subject}); the detector reads the flags from memory.
 */
@Service
public class FlaggedAccounts implements FlaggedSubjects {
    private static final Pattern SUBJECT = Pattern.compile("(account|meter):\\S{1,100}");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();
    private volatile Map<String, FlagKind> flags;

    FlaggedAccounts(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Flags {@code subject} (or changes its flag) on behalf of {@code who} acting in {@code role}. */
    public FlaggedAccount flag(String subject, FlagKind kind, String note, Actor who) {
        checkSubject(subject);
        String why = note == null ? "" : note.strip();
        audit.append(event(who, "flag-subject", subject, kind.name()));
        jdbc.sql("""
                        INSERT INTO flagged_subject (subject, kind, note, flagged_by, flagged_at) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (subject) DO UPDATE SET kind = EXCLUDED.kind, note = EXCLUDED.note,
                               flagged_by = EXCLUDED.flagged_by, flagged_at = EXCLUDED.flagged_at""")
                .params(subject, kind.name(), why, who.name(), Timestamp.from(clock.instant()))
                .update();
        reload();
        return find(subject).orElseThrow();
    }

    /** Removes the flag on {@code subject}; false when it had none. */
    public boolean unflag(String subject, Actor who) {
        checkSubject(subject);
        if (find(subject).isEmpty()) {
            return false;
        }
        audit.append(event(who, "unflag-subject", subject, ""));
        jdbc.sql("DELETE FROM flagged_subject WHERE subject = ?").param(subject).update();
        reload();
        return true;
    }

    /** Every flag, for {@code who}; the listing itself is audited, since it names the honeytokens. */
    public List<FlaggedAccount> list(Actor who) {
        audit.append(event(who, "list-flagged-subjects", "", ""));
        return jdbc.sql("SELECT * FROM flagged_subject ORDER BY subject")
                .query(FlaggedAccounts::row)
                .list();
    }

    @Override
    public Optional<FlagKind> flagOf(String subject) {
        Map<String, FlagKind> current = flags;
        if (current == null) {
            current = reload();
        }
        return Optional.ofNullable(current.get(subject));
    }

    /** Who changes the flags: their name, role and address, for the audit log. */
    public record Actor(String name, String role, String clientAddress) {}

    private Optional<FlaggedAccount> find(String subject) {
        return jdbc.sql("SELECT * FROM flagged_subject WHERE subject = ?")
                .param(subject)
                .query(FlaggedAccounts::row)
                .optional();
    }

    private Map<String, FlagKind> reload() {
        Map<String, FlagKind> loaded = jdbc
                .sql("SELECT subject, kind FROM flagged_subject")
                .query((rs, n) -> Map.entry(rs.getString("subject"), FlagKind.valueOf(rs.getString("kind"))))
                .list()
                .stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        flags = loaded;
        return loaded;
    }

    private AuditEvent event(Actor who, String action, String subject, String detail) {
        return new AuditEvent(
                clock.instant(),
                who.name(),
                who.role(),
                action,
                "detection/flags",
                subject,
                "",
                "",
                "EXECUTED",
                who.clientAddress() == null ? "" : who.clientAddress(),
                detail);
    }

    private static void checkSubject(String subject) {
        if (subject == null || !SUBJECT.matcher(subject).matches()) {
            throw new BadRequest("subject " + subject + " must be account:<id> or meter:<id>");
        }
    }

    private static FlaggedAccount row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new FlaggedAccount(
                rs.getString("subject"),
                FlagKind.valueOf(rs.getString("kind")),
                rs.getString("note"),
                rs.getString("flagged_by"),
                rs.getTimestamp("flagged_at").toInstant());
    }
}
