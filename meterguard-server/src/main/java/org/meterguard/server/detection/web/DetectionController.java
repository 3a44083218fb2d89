package org.meterguard.server.detection.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import org.meterguard.core.TimeRange;
import org.meterguard.core.detection.FlagKind;
import org.meterguard.server.detection.FlaggedAccount;
import org.meterguard.server.detection.FlaggedAccounts;
import org.meterguard.server.detection.SecurityReport;
import org.meterguard.server.detection.SecurityReports;
import org.meterguard.server.web.BadRequest;
import org.meterguard.server.web.NotFound;
import org.meterguard.server.web.TimeRanges;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * For the privacy officer and the security auditor (roles set in the security configuration):
 * {@code GET/POST/DELETE /api/v1/detection/flags} keep the flagged accounts (every call audited), and
 * {@code GET /api/v1/detection/report?from&to} gives the security report for a period of whole hours.
 */
@RestController
class DetectionController {
    private static final Duration LONGEST_REPORT = Duration.ofDays(366);

    private final FlaggedAccounts flags;
    private final SecurityReports reports;

    DetectionController(FlaggedAccounts flags, SecurityReports reports) {
        this.flags = flags;
        this.reports = reports;
    }

    /** A flag to set: the subject, its kind (EMPLOYEE, VIP, HONEYTOKEN) and a note. */
    record FlagRequest(String subject, String kind, String note) {}

    @GetMapping("/api/v1/detection/flags")
    List<FlaggedAccount> list(Authentication caller, HttpServletRequest request) {
        return flags.list(actor(caller, request));
    }

    @PostMapping("/api/v1/detection/flags")
    @ResponseStatus(HttpStatus.CREATED)
    FlaggedAccount flag(@RequestBody FlagRequest flag, Authentication caller, HttpServletRequest request) {
        if (flag == null || flag.kind() == null) {
            throw new BadRequest("a flag needs a subject and a kind (EMPLOYEE, VIP or HONEYTOKEN)");
        }
        FlagKind kind = BadRequest.parse("kind", flag.kind(), FlagKind::valueOf);
        return flags.flag(flag.subject(), kind, flag.note(), actor(caller, request));
    }

    @DeleteMapping("/api/v1/detection/flags")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unflag(@RequestParam String subject, Authentication caller, HttpServletRequest request) {
        if (!flags.unflag(subject, actor(caller, request))) {
            throw new NotFound("no flag on " + subject);
        }
    }

    @GetMapping("/api/v1/detection/report")
    SecurityReport report(@RequestParam String from, @RequestParam String to) {
        TimeRange period = TimeRanges.parse(from, to, LONGEST_REPORT);
        return reports.report(period.from(), period.to());
    }

    private static FlaggedAccounts.Actor actor(Authentication caller, HttpServletRequest request) {
        String role = caller.getAuthorities().stream()
                .map(a -> a.getAuthority())
                .filter(a -> a != null && a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .findFirst()
                .orElse("");
        return new FlaggedAccounts.Actor(caller.getName(), role, request.getRemoteAddr());
    }
}
