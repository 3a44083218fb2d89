package org.meterguard.server.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.meterguard.audit.SignedTreeHead;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the PostgreSQL projection of the journal: entries by index, time, actor and subject; tree head history. */
@Component
public class AuditQueries {
    private static final String COLUMNS = "seq, recorded_at, actor, role, action, resource, subject, purpose, basis,"
            + " decision, client_address, detail, entry, leaf_hash";

    private final JdbcClient jdbc;

    AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The entries {@code query} selects, by leaf index. */
    public List<AuditEntryView> entries(EntryQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_entry WHERE true");
        List<Object> params = new ArrayList<>();
        condition(sql, params, " AND seq >= ?", query.fromIndex());
        condition(sql, params, " AND seq < ?", query.toIndex());
        condition(sql, params, " AND recorded_at >= ?", query.from() == null ? null : Timestamp.from(query.from()));
        condition(sql, params, " AND recorded_at < ?", query.to() == null ? null : Timestamp.from(query.to()));
        condition(sql, params, " AND actor = ?", query.actor());
        condition(sql, params, " AND subject = ?", query.subject());
        sql.append(" ORDER BY seq LIMIT ").append(query.limit());
        return jdbc.sql(sql.toString()).params(params).query(AuditQueries::view).list();
    }

    /** The signed tree heads of size {@code fromSize} and larger, smallest first, at most {@code limit}. */
    public List<SignedTreeHead> treeHeads(long fromSize, int limit) {
        return jdbc.sql("SELECT encoded FROM audit_tree_head WHERE tree_size >= ? ORDER BY tree_size LIMIT ?")
                .params(fromSize, limit)
                .query((rs, n) -> SignedTreeHead.decode(rs.getBytes(1)))
                .list();
    }

    private static void condition(StringBuilder sql, List<Object> params, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            params.add(value);
        }
    }

    private static AuditEntryView view(ResultSet rs, int row) throws SQLException {
        return new AuditEntryView(
                rs.getLong("seq"),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("actor"),
                rs.getString("role"),
                rs.getString("action"),
                rs.getString("resource"),
                rs.getString("subject"),
                rs.getString("purpose"),
                rs.getString("basis"),
                rs.getString("decision"),
                rs.getString("client_address"),
                rs.getString("detail"),
                Base64.getEncoder().encodeToString(rs.getBytes("entry")),
                HexFormat.of().formatHex(rs.getBytes("leaf_hash")));
    }
}
