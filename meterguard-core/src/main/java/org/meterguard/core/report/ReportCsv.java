package org.meterguard.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The annual privacy report as CSV (RFC 4180, CRLF line ends): one measure per line, {@code
 * section,subject,measure,value}, so every section fits one sheet and a reader sums what it needs.
 */
public final class ReportCsv {
    private ReportCsv() {}

    /** The report written as CSV text, a header line first. */
    public static String write(AnnualPrivacyReport report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"section", "subject", "measure", "value"});
        rows.add(row("report", String.valueOf(report.year()), "due_on", report.dueOn()));
        rows.add(row("report", String.valueOf(report.year()), "year_ended", report.yearEnded()));
        rows.add(row(
                "third_parties",
                "all",
                "authorized",
                report.authorizedThirdParties().size()));
        for (String party : report.authorizedThirdParties()) {
            rows.add(row("third_parties", party, "authorized", 1));
        }
        for (AnnualPrivacyReport.DisclosureLine line : report.disclosures()) {
            String subject = line.recipient() + "/" + line.basisKind() + "/" + line.category();
            rows.add(row("disclosures", subject, "releases", line.releases()));
            rows.add(row("disclosures", subject, "customers", line.customers()));
            rows.add(row("disclosures", subject, "items", line.items()));
        }
        rows.add(row("disclosures", "all", "customers", report.totals().customersDisclosed()));
        rows.add(row("disclosures", "all", "refused", report.disclosuresRefused()));
        for (AnnualPrivacyReport.AuthorizationLine line : report.authorizations()) {
            rows.add(row("authorizations", line.mechanism(), "granted", line.granted()));
            rows.add(row("authorizations", line.mechanism(), "revoked", line.revoked()));
        }
        for (AnnualPrivacyReport.BreachLine line : report.breaches()) {
            rows.add(row("breaches", line.thirdPartyId(), "breaches", line.breaches()));
            rows.add(row("breaches", line.thirdPartyId(), "customers_affected", line.customersAffected()));
            rows.add(row("breaches", line.thirdPartyId(), "reported_late", line.reportedLate()));
            rows.add(row("breaches", line.thirdPartyId(), "regulator_notices", line.regulatorNotices()));
        }
        for (AnnualPrivacyReport.CutOffLine line : report.cutOffs()) {
            rows.add(row("cut_offs", line.thirdPartyId(), line.reason(), line.on()));
        }
        for (AnnualPrivacyReport.DemandLine line : report.legalDemands()) {
            rows.add(row("legal_demands", line.kind(), "received", line.received()));
            rows.add(row("legal_demands", line.kind(), "releases", line.releases()));
            rows.add(row("legal_demands", line.kind(), "customers_disclosed", line.customersDisclosed()));
        }
        rows.add(row(
                "legal_demands", "all", "customers_disclosed", report.totals().customersDisclosedUnderDemands()));
        rows.add(row("aggregates", "all", "releases", report.aggregates().releases()));
        rows.add(row("aggregates", "all", "cells_released", report.aggregates().cellsReleased()));
        rows.add(
                row("aggregates", "all", "cells_suppressed", report.aggregates().cellsSuppressed()));
        StringBuilder csv = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                csv.append(i == 0 ? "" : ",").append(field(row[i]));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    private static String[] row(String section, String subject, String measure, Object value) {
        return new String[] {section, subject, measure, String.valueOf(value)};
    }

    /** A field quoted where it holds a comma, quote or line break (quotes doubled), and defused for spreadsheets. */
    static String field(String value) {
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+")
                ? "'" + value
                : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
