package org.meterguard.server.report.web;

import java.nio.charset.StandardCharsets;
import org.meterguard.core.report.AnnualPrivacyReport;
import org.meterguard.core.report.ReportCsv;
import org.meterguard.server.report.AnnualPrivacyReports;
import org.meterguard.server.web.BadRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/privacy/reports/{year}[?format=json|csv]}: the annual privacy report as a downloadable file,
 * JSON by default or CSV ({@code privacy-report-<year>.csv}); both say the day it is due (120 days after the
 * year's end).
 */
@RestController
class PrivacyReportController {
    private final AnnualPrivacyReports reports;

    PrivacyReportController(AnnualPrivacyReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/privacy/reports/{year}")
    ResponseEntity<?> report(@PathVariable int year, @RequestParam(defaultValue = "json") String format) {
        Years.check(year, reports.now().atZone(reports.zone()).getYear());
        AnnualPrivacyReport report = reports.of(year);
        String name = "privacy-report-" + year + "." + format;
        switch (format) {
            case "json":
                return ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(name))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(report);
            case "csv":
                return ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(name))
                        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                        .body(ReportCsv.write(report));
            default:
                throw new BadRequest("invalid format '" + format + "': json or csv");
        }
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment().filename(name).build().toString();
    }
}
