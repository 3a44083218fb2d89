package org.meterguard.server.meters;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.meterguard.core.MeterId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Meters' key changes: every key version issued after a meter's first, for security staff. */
@Service
public class KeyChanges {
    /**
     * A key version issued to a meter by rotation.
     *
     * @param meterId the meter
     * @param version the new version (2 or more)
     * @param issuedAt when it was issued
     */
    public record KeyChange(MeterId meterId, int version, Instant issuedAt) {}

    private final JdbcClient jdbc;

    KeyChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Key changes issued after {@code after} and before {@code before}, oldest first, at most {@code limit}. */
    public List<KeyChange> issuedBetween(Instant after, Instant before, int limit) {
        return jdbc.sql("""
                        SELECT meter_id, key_version, created_at FROM meter_key
                         WHERE key_version > 1 AND created_at > ? AND created_at < ?
                         ORDER BY created_at, meter_id, key_version LIMIT ?""")
                .params(Timestamp.from(after), Timestamp.from(before), limit)
                .query((rs, n) -> new KeyChange(
                        MeterId.of(rs.getString("meter_id")),
                        rs.getInt("key_version"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** How many key changes were issued in [{@code from}, {@code to}). */
    public long count(Instant from, Instant to) {
        return jdbc.sql("SELECT count(*) FROM meter_key WHERE key_version > 1 AND created_at >= ? AND created_at < ?")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query(Long.class)
                .single();
    }
}
