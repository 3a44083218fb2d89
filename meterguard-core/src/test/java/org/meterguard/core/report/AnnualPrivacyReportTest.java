package org.meterguard.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnualPrivacyReportTest {
    @Test
    void theReportIsDue120DaysAfterTheYearsEnd() {
        assertThat(AnnualPrivacyReport.dueOn(2025)).isEqualTo(LocalDate.of(2026, 4, 30));
        // a leap February in between moves it a day earlier
        assertThat(AnnualPrivacyReport.dueOn(2027)).isEqualTo(LocalDate.of(2028, 4, 29));
    }

    @Test
    void totalsAddTheLinesAndSetEmergenciesApart() {
        AnnualPrivacyReport report = sample(LocalDate.of(2026, 1, 15));

        assertThat(report.totals().authorizedThirdParties()).isEqualTo(2);
        assertThat(report.totals().releases()).isEqualTo(5);
        assertThat(report.totals().customersDisclosed()).isEqualTo(3);
        assertThat(report.totals().authorizationsGranted()).isEqualTo(4);
        assertThat(report.totals().authorizationsRevoked()).isEqualTo(1);
        assertThat(report.totals().breaches()).isEqualTo(2);
        assertThat(report.totals().customersAffectedByBreaches()).isEqualTo(1200);
        assertThat(report.totals().cutOffs()).isEqualTo(1);
        assertThat(report.totals().legalDemands()).isEqualTo(3);
        assertThat(report.totals().emergencyRequests()).isEqualTo(1);
        assertThat(report.yearEnded()).isTrue();
        assertThat(sample(LocalDate.of(2025, 12, 31)).yearEnded()).isFalse();
    }

    @Test
    void theCsvHasOneMeasurePerLineAndQuotesWhatNeedsIt() {
        String csv = ReportCsv.write(sample(LocalDate.of(2026, 1, 15)));

        assertThat(csv).startsWith("section,subject,measure,value\r\nreport,2025,due_on,2026-04-30\r\n");
        assertThat(csv)
                .contains("\r\ndisclosures,acme/CUSTOMER_AUTHORIZATION/INTERVAL_USAGE,releases,3\r\n")
                .contains("\r\ndisclosures,\"Court, Dept. 5/LEGAL_DEMAND/INTERVAL_USAGE\",customers,1\r\n")
                .contains("\r\nlegal_demands,EMERGENCY,received,1\r\n")
                .contains("\r\ncut_offs,leaky,PATTERN_OF_BREACH,2025-06-01\r\n")
                .contains("\r\naggregates,all,cells_suppressed,4\r\n");
        assertThat(ReportCsv.field("=cmd()")).isEqualTo("'=cmd()");
        assertThat(ReportCsv.field("-5")).isEqualTo("-5");
        assertThat(ReportCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }

    private static AnnualPrivacyReport sample(LocalDate today) {
        return AnnualPrivacyReport.assemble(
                2025,
                today,
                List.of("acme", "leaky"),
                List.of(
                        new AnnualPrivacyReport.DisclosureLine(
                                "acme", "CUSTOMER_AUTHORIZATION", "INTERVAL_USAGE", 3, 2, 72),
                        new AnnualPrivacyReport.DisclosureLine(
                                "Court, Dept. 5", "LEGAL_DEMAND", "INTERVAL_USAGE", 2, 1, 48)),
                3,
                7,
                List.of(
                        new AnnualPrivacyReport.AuthorizationLine("ONLINE", 3, 1),
                        new AnnualPrivacyReport.AuthorizationLine("SIGNED_FORM", 1, 0)),
                List.of(new AnnualPrivacyReport.BreachLine("leaky", 2, 1200, 1, 1)),
                List.of(new AnnualPrivacyReport.CutOffLine("leaky", LocalDate.of(2025, 6, 1), "PATTERN_OF_BREACH")),
                List.of(
                        new AnnualPrivacyReport.DemandLine("SUBPOENA", 2, 2, 1),
                        new AnnualPrivacyReport.DemandLine("COURT_ORDER", 1, 0, 0),
                        new AnnualPrivacyReport.DemandLine("EMERGENCY", 1, 0, 0)),
                1,
                new AnnualPrivacyReport.AggregateLine(2, 30, 4));
    }
}
