package org.meterguard.server.report.web;

import org.meterguard.server.report.AnnualPrivacyReports;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /staff/privacy-report[?year=]}: the annual privacy report as a page for the privacy officer (and the
 * security auditor), the previous year by default, with links to the JSON and CSV files.
 */
@Controller
class PrivacyReportPageController {
    private final AnnualPrivacyReports reports;

    PrivacyReportPageController(AnnualPrivacyReports reports) {
        this.reports = reports;
    }

    @GetMapping("/staff/privacy-report")
    String page(@RequestParam(required = false) Integer year, Authentication caller, Model model) {
        int current = reports.now().atZone(reports.zone()).getYear();
        int chosen = year == null ? current - 1 : year;
        Years.check(chosen, current);
        model.addAttribute("report", reports.of(chosen));
        model.addAttribute("current", current);
        model.addAttribute("staffUser", caller.getName());
        return "privacy-report";
    }
}
