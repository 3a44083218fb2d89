package org.meterguard.server.detection.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.meterguard.core.detection.HourlyCount;
import org.meterguard.core.detection.Touch;
import org.meterguard.core.detection.UserChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** What the detector keeps: reads per user and hour, changes to users, hourly tallies and its cursors. */
@Repository
public class DetectionStore {
    private final JdbcClient jdbc;

    DetectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps one examined batch's state and moves the cursor {@code name} to {@code position}, all or nothing. */
    @Transactional
    public void keep(List<Touch> touches, List<UserChange> changes, Tally tally, String name, long position) {
        if (!touches.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO detection_touch (actor, hour, subject, role, seq)
                            SELECT * FROM unnest(?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::bigint[])
                            ON CONFLICT DO NOTHING""")
                    .params(
                            touches.stream().map(Touch::actor).toArray(String[]::new),
                            touches.stream().map(t -> t.hour().toString()).toArray(String[]::new),
                            touches.stream().map(Touch::subject).toArray(String[]::new),
                            touches.stream().map(Touch::role).toArray(String[]::new),
                            touches.stream().map(t -> Long.toString(t.seq())).toArray(String[]::new))
                    .update();
        }
        for (UserChange change : changes) {
            jdbc.sql("""
                            INSERT INTO detection_user_change (seq, username, kind, at, previous_role)
                            VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(
                            change.seq(),
                            change.username(),
                            change.kind().name(),
                            Timestamp.from(change.at()),
                            change.previousRole())
                    .update();
        }
        for (Map.Entry<Tally.Key, Long> count : tally.counts().entrySet()) {
            Tally.Key key = count.getKey();
            jdbc.sql("""
                            INSERT INTO detection_tally (hour, category, role, purpose, decision, n)
                            VALUES (?, ?, ?, ?, ?, ?)
                            ON CONFLICT (hour, category, role, purpose, decision)
                            DO UPDATE SET n = detection_tally.n + EXCLUDED.n""")
                    .params(
                            Timestamp.from(key.hour()),
                            key.category(),
                            key.role(),
                            key.purpose(),
                            key.decision(),
                            count.getValue())
                    .update();
        }
        moveCursor(name, position);
    }

    /** Moves the cursor {@code name} to {@code position} (never back). */
    public void moveCursor(String name, long position) {
        jdbc.sql("""
                        INSERT INTO detection_cursor (name, position) VALUES (?, ?)
                        ON CONFLICT (name) DO UPDATE SET position = GREATEST(detection_cursor.position,
                                                                             EXCLUDED.position)""").params(name, position).update();
    }

    /** Where the cursor {@code name} stands, if it was ever moved. */
    public OptionalLong cursor(String name) {
        return jdbc.sql("SELECT position FROM detection_cursor WHERE name = ?")
                .param(name)
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    /** Reads kept from {@code hour} on, oldest first. */
    public List<Touch> touchesSince(Instant hour) {
        return jdbc.sql("SELECT * FROM detection_touch WHERE hour >= ? ORDER BY hour, seq")
                .param(Timestamp.from(hour))
                .query((rs, n) -> new Touch(
                        rs.getString("actor"),
                        rs.getString("role"),
                        rs.getTimestamp("hour").toInstant(),
                        rs.getString("subject"),
                        rs.getLong("seq")))
                .list();
    }

    /** Distinct customers per user, role and hour in [{@code from}, {@code to}). */
    public List<HourlyCount> hourlyCounts(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT actor, role, hour, count(*) AS customers FROM detection_touch
                         WHERE hour >= ? AND hour < ? GROUP BY actor, role, hour""")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new HourlyCount(
                        rs.getString("actor"),
                        rs.getString("role"),
                        rs.getTimestamp("hour").toInstant(),
                        rs.getInt("customers")))
                .list();
    }

    /** Forgets reads of hours before {@code hour}. */
    public int pruneTouches(Instant hour) {
        return jdbc.sql("DELETE FROM detection_touch WHERE hour < ?")
                .param(Timestamp.from(hour))
                .update();
    }

    /** Every change to users, oldest first. */
    public List<UserChange> userChanges() {
        return jdbc.sql("SELECT * FROM detection_user_change ORDER BY at, seq")
                .query((rs, n) -> new UserChange(
                        rs.getString("username"),
                        UserChange.Kind.valueOf(rs.getString("kind")),
                        rs.getTimestamp("at").toInstant(),
                        rs.getLong("seq"),
                        rs.getString("previous_role")))
                .list();
    }

    /** Tallied counts in [{@code from}, {@code to}), per category, role, purpose and decision. */
    public Map<Tally.Key, Long> tallies(Instant from, Instant to) {
        Map<Tally.Key, Long> out = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT category, role, purpose, decision, sum(n) AS n FROM detection_tally
                         WHERE hour >= ? AND hour < ? GROUP BY category, role, purpose, decision""").params(Timestamp.from(from), Timestamp.from(to)).query(rs -> {
            out.put(
                    new Tally.Key(
                            from,
                            rs.getString("category"),
                            rs.getString("role"),
                            rs.getString("purpose"),
                            rs.getString("decision")),
                    rs.getLong("n"));
        });
        return out;
    }
}
