package org.meterguard.server.legal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.meterguard.core.consent.InformationCategory;
import org.meterguard.core.legal.CustomerNotice;
import org.meterguard.core.legal.LegalDemand;
import org.meterguard.core.legal.LegalDemandKind;
import org.meterguard.core.legal.LegalDemandScope;
import org.meterguard.core.legal.LegalDemandStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The legal-demand tables (V15, V17): demands, the accounts each names, notices given. Plain SQL. */
@Repository
class LegalDemandStore {
    private static final String SELECT = """
            SELECT d.*, array(SELECT a.account_id FROM legal_demand_account a
                               WHERE a.legal_demand_id = d.legal_demand_id ORDER BY a.account_id) AS accounts
              FROM legal_demand d""";

    private final JdbcClient jdbc;

    LegalDemandStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored demand with who recorded it and when it was closed. */
    record Row(LegalDemand demand, String recordedBy, Instant recordedAt, Instant closedAt) {}

    /** Inserts {@code demand}; false when its id is taken. */
    boolean insert(LegalDemand demand, String recordedBy) {
        LegalDemandScope scope = demand.scope();
        int inserted = jdbc.sql("""
                        INSERT INTO legal_demand (legal_demand_id, kind, issuer, received_on, categories, usage_from,
                            usage_through, notice_forbidden, status, recorded_by)
                        VALUES (?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(
                        demand.demandId(),
                        demand.kind().name(),
                        demand.issuer(),
                        Date.valueOf(demand.receivedOn()),
                        scope.categories().stream().map(Enum::name).toArray(String[]::new),
                        Date.valueOf(scope.usageFrom()),
                        Date.valueOf(scope.usageThrough()),
                        demand.noticeForbidden(),
                        demand.status().name(),
                        recordedBy)
                .update();
        if (inserted == 0) {
            return false;
        }
        for (String account : scope.accountIds()) {
            jdbc.sql("INSERT INTO legal_demand_account (legal_demand_id, account_id) VALUES (?, ?)")
                    .params(demand.demandId(), account)
                    .update();
        }
        return true;
    }

    Optional<Row> find(String demandId) {
        return jdbc.sql(SELECT + " WHERE d.legal_demand_id = ?")
                .param(demandId)
                .query(LegalDemandStore::row)
                .optional();
    }

    /** Locks the demand's row against concurrent status changes until the transaction ends; empty when none. */
    Optional<Row> lock(String demandId) {
        return jdbc.sql(SELECT + " WHERE d.legal_demand_id = ? FOR UPDATE OF d")
                .param(demandId)
                .query(LegalDemandStore::row)
                .optional();
    }

    /** Demands received from {@code from} up to {@code to} (excluded), newest first. */
    List<Row> received(LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + " WHERE d.received_on >= ? AND d.received_on < ?"
                        + " ORDER BY d.received_on DESC, d.legal_demand_id")
                .params(Date.valueOf(from), Date.valueOf(to))
                .query(LegalDemandStore::row)
                .list();
    }

    void setStatus(String demandId, LegalDemandStatus status) {
        boolean ends = status == LegalDemandStatus.CLOSED || status == LegalDemandStatus.QUASHED;
        jdbc.sql("UPDATE legal_demand SET status = ?, closed_at = CASE WHEN ? THEN now() END"
                        + " WHERE legal_demand_id = ?")
                .params(status.name(), ends, demandId)
                .update();
    }

    /** Lifts an order's ban on notifying the customers; false when no ban was recorded. */
    boolean permitNotice(String demandId) {
        return jdbc.sql(
                                "UPDATE legal_demand SET notice_forbidden = false WHERE legal_demand_id = ? AND notice_forbidden")
                        .param(demandId)
                        .update()
                == 1;
    }

    /** Records {@code notice}; false when that account's customer was already notified of the demand. */
    boolean insertNotice(CustomerNotice notice, String recordedBy) {
        return jdbc.sql("""
                        INSERT INTO legal_demand_notice (legal_demand_id, account_id, given_on, method, recorded_by)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                        .params(
                                notice.demandId(),
                                notice.accountId(),
                                Date.valueOf(notice.givenOn()),
                                notice.method(),
                                recordedBy)
                        .update()
                == 1;
    }

    List<CustomerNotice> notices(String demandId) {
        return jdbc.sql("SELECT * FROM legal_demand_notice WHERE legal_demand_id = ? ORDER BY account_id")
                .param(demandId)
                .query((rs, n) -> new CustomerNotice(
                        rs.getString("legal_demand_id"),
                        rs.getString("account_id"),
                        rs.getDate("given_on").toLocalDate(),
                        rs.getString("method")))
                .list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Set<InformationCategory> categories = EnumSet.noneOf(InformationCategory.class);
        for (String category : (String[]) rs.getArray("categories").getArray()) {
            categories.add(InformationCategory.valueOf(category));
        }
        LegalDemand demand = new LegalDemand(
                rs.getString("legal_demand_id"),
                LegalDemandKind.valueOf(rs.getString("kind")),
                rs.getString("issuer"),
                rs.getDate("received_on").toLocalDate(),
                new LegalDemandScope(
                        List.of((String[]) rs.getArray("accounts").getArray()),
                        categories,
                        rs.getDate("usage_from").toLocalDate(),
                        rs.getDate("usage_through").toLocalDate()),
                rs.getBoolean("notice_forbidden"),
                LegalDemandStatus.valueOf(rs.getString("status")));
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Row(
                demand,
                rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(),
                closed == null ? null : closed.toInstant());
    }
}
