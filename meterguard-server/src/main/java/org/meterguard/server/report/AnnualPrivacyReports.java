package org.meterguard.server.report;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.meterguard.core.legal.LegalDemandKind;
import org.meterguard.core.report.AnnualPrivacyReport;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.thirdparties.ThirdPartyProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts one calendar year (days in the utility's zone) from the registers, in one read-only transaction so the
 * sections agree with each other, and assembles the {@link AnnualPrivacyReport}. A year still running is reported as
 * far as it went (the report says so).
 */
@Service
public class AnnualPrivacyReports {
    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final ZoneId zone;
    private final int reportWithinDays;
    private final Clock clock = Clock.systemUTC();

    AnnualPrivacyReports(JdbcClient jdbc, AuditLog auditLog, ThirdPartyProperties properties) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.zone = properties.utilityZone();
        this.reportWithinDays = properties.breachPolicy().reportExpectedWithin().getDays();
    }

    /** The year's span: its first day and the next year's first day, and the same as instants in the zone. */
    private record Year(LocalDate first, LocalDate next, Timestamp from, Timestamp to) {
        Object[] instants() {
            return new Object[] {from, to};
        }
    }

    /** The report for {@code year} as the registers stand now. */
    @Transactional(readOnly = true)
    public AnnualPrivacyReport of(int year) {
        auditLog.awaitProjected();
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate next = first.plusYears(1);
        Year y = new Year(
                first,
                next,
                Timestamp.from(first.atStartOfDay(zone).toInstant()),
                Timestamp.from(next.atStartOfDay(zone).toInstant()));
        return AnnualPrivacyReport.assemble(
                year,
                clock.instant().atZone(zone).toLocalDate(),
                authorizedThirdParties(y),
                disclosures(y),
                distinctAccounts("", y),
                refusedDisclosures(y),
                authorizations(y),
                breaches(y),
                cutOffs(y),
                demands(y),
                distinctAccounts(" AND basis_kind = 'LEGAL_DEMAND'", y),
                aggregates(y));
    }

    /** The zone in which the year's days are read. */
    public ZoneId zone() {
        return zone;
    }

    private List<String> authorizedThirdParties(Year y) {
        return jdbc.sql("""
                        SELECT DISTINCT c.third_party_id FROM third_party_contract c
                          JOIN third_party p ON p.third_party_id = c.third_party_id
                         WHERE c.status = 'ACTIVE' AND c.protective_terms_confirmed
                           AND c.effective_on < ? AND (c.expires_on IS NULL OR c.expires_on > ?)
                           AND (p.cut_off_at IS NULL OR p.cut_off_at >= ?)
                         ORDER BY 1""")
                .params(Date.valueOf(y.next()), Date.valueOf(y.first()), y.from())
                .query(String.class)
                .list();
    }

    private List<AnnualPrivacyReport.DisclosureLine> disclosures(Year y) {
        return jdbc.sql("""
                        SELECT coalesce(recipient, third_party_id) AS recipient, basis_kind, category, count(*) AS n,
                               count(DISTINCT account_id) AS customers, sum(items) AS items
                          FROM disclosure_log WHERE disclosed_at >= ? AND disclosed_at < ?
                         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""")
                .params(y.instants())
                .query((rs, n) -> new AnnualPrivacyReport.DisclosureLine(
                        rs.getString("recipient"),
                        rs.getString("basis_kind"),
                        rs.getString("category"),
                        rs.getLong("n"),
                        rs.getLong("customers"),
                        rs.getLong("items")))
                .list();
    }

    private long distinctAccounts(String condition, Year y) {
        return jdbc.sql("SELECT count(DISTINCT account_id) FROM disclosure_log WHERE disclosed_at >= ?"
                        + " AND disclosed_at < ?" + condition)
                .params(y.instants())
                .query(Long.class)
                .single();
    }

    private long refusedDisclosures(Year y) {
        return jdbc.sql("""
                        SELECT count(*) FROM audit_entry WHERE action = 'disclose-covered-data' AND decision = 'DENY'
                           AND recorded_at >= ? AND recorded_at < ?""").params(y.instants()).query(Long.class).single();
    }

    private List<AnnualPrivacyReport.AuthorizationLine> authorizations(Year y) {
        return jdbc
                .sql("""
                        SELECT mechanism,
                               count(*) FILTER (WHERE granted_at >= ? AND granted_at < ?) AS granted,
                               count(*) FILTER (WHERE revoked_at >= ? AND revoked_at < ?) AS revoked
                          FROM customer_authorization GROUP BY mechanism ORDER BY mechanism""")
                .params(y.from(), y.to(), y.from(), y.to())
                .query((rs, n) -> new AnnualPrivacyReport.AuthorizationLine(
                        rs.getString("mechanism"), rs.getLong("granted"), rs.getLong("revoked")))
                .list()
                .stream()
                .filter(line -> line.granted() + line.revoked() > 0)
                .toList();
    }

    private List<AnnualPrivacyReport.BreachLine> breaches(Year y) {
        return jdbc.sql("""
                        SELECT third_party_id, count(*) AS n, sum(customers_affected) AS customers,
                               count(*) FILTER (WHERE reported_on IS NULL OR reported_on > detected_on + ?) AS late,
                               count(regulator_notice_due) AS notices
                          FROM third_party_breach WHERE detected_on >= ? AND detected_on < ?
                         GROUP BY third_party_id ORDER BY third_party_id""")
                .params(reportWithinDays, Date.valueOf(y.first()), Date.valueOf(y.next()))
                .query((rs, n) -> new AnnualPrivacyReport.BreachLine(
                        rs.getString("third_party_id"),
                        rs.getLong("n"),
                        rs.getLong("customers"),
                        rs.getLong("late"),
                        rs.getLong("notices")))
                .list();
    }

    private List<AnnualPrivacyReport.CutOffLine> cutOffs(Year y) {
        return jdbc.sql("""
                        SELECT third_party_id, cut_off_at, cut_off_reason FROM third_party
                         WHERE cut_off_at >= ? AND cut_off_at < ? ORDER BY cut_off_at, third_party_id""")
                .params(y.instants())
                .query((rs, n) -> new AnnualPrivacyReport.CutOffLine(
                        rs.getString("third_party_id"),
                        rs.getTimestamp("cut_off_at").toInstant().atZone(zone).toLocalDate(),
                        rs.getString("cut_off_reason")))
                .list();
    }

    private List<AnnualPrivacyReport.DemandLine> demands(Year y) {
        Map<String, Long> received = new HashMap<>();
        jdbc.sql("SELECT kind, count(*) AS n FROM legal_demand WHERE received_on >= ? AND received_on < ?"
                        + " GROUP BY kind")
                .params(Date.valueOf(y.first()), Date.valueOf(y.next()))
                .query((rs, n) -> received.put(rs.getString("kind"), rs.getLong("n")))
                .list();
        Map<String, long[]> released = new HashMap<>();
        jdbc.sql("""
                        SELECT d.kind, count(*) AS n, count(DISTINCT l.account_id) AS customers
                          FROM disclosure_log l JOIN legal_demand d ON d.legal_demand_id = l.basis_id
                         WHERE l.basis_kind = 'LEGAL_DEMAND' AND l.disclosed_at >= ? AND l.disclosed_at < ?
                         GROUP BY d.kind""")
                .params(y.instants())
                .query((rs, n) ->
                        released.put(rs.getString("kind"), new long[] {rs.getLong("n"), rs.getLong("customers")}))
                .list();
        List<AnnualPrivacyReport.DemandLine> lines = new ArrayList<>();
        for (LegalDemandKind kind : LegalDemandKind.values()) {
            long[] out = released.getOrDefault(kind.name(), new long[2]);
            lines.add(new AnnualPrivacyReport.DemandLine(
                    kind.name(), received.getOrDefault(kind.name(), 0L), out[0], out[1]));
        }
        return lines;
    }

    private AnnualPrivacyReport.AggregateLine aggregates(Year y) {
        return jdbc.sql("""
                        SELECT count(*) AS n, coalesce(sum(cells_released), 0) AS released,
                               coalesce(sum(cells_suppressed), 0) AS suppressed
                          FROM aggregate_release WHERE released_at >= ? AND released_at < ?""")
                .params(y.instants())
                .query((rs, n) -> new AnnualPrivacyReport.AggregateLine(
                        rs.getLong("n"), rs.getLong("released"), rs.getLong("suppressed")))
                .single();
    }

    /** The instant the report was made, for the file's name and the page. */
    public Instant now() {
        return clock.instant();
    }
}
