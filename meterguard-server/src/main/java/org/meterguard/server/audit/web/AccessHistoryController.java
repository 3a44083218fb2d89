package org.meterguard.server.audit.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import org.meterguard.core.TimeRange;
import org.meterguard.server.audit.AccessHistory;
import org.meterguard.server.audit.AccessRecord;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.web.BadRequest;
import org.meterguard.server.web.TimeRanges;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/accounts/{accountId}/access-history?from&to&limit}: for the privacy officer, every access to
 * an account's covered information in a period, as the customer would see it (no staff names). The officer's own
 * read is recorded with the account as its subject, so it shows in the same history.
 */
@RestController
class AccessHistoryController {
    private static final Duration LONGEST_RANGE = Duration.ofDays(3 * 366);

    private final AccessHistory history;
    private final AuditorReads reads;

    AccessHistoryController(AccessHistory history, AuditLog auditLog) {
        this.history = history;
        this.reads = new AuditorReads(auditLog);
    }

    @GetMapping("/api/v1/accounts/{accountId}/access-history")
    List<AccessRecord> accessHistory(
            @PathVariable String accountId,
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam(defaultValue = "1000") int limit,
            Authentication caller,
            HttpServletRequest request) {
        TimeRange range = TimeRanges.parse(from, to, LONGEST_RANGE);
        if (limit < 1 || limit > AccessHistory.MAX_RECORDS) {
            throw new BadRequest("limit " + limit + " must be from 1 to " + AccessHistory.MAX_RECORDS);
        }
        reads.record(
                caller,
                request,
                "read-access-history",
                "account/" + accountId + "/access-history",
                "account:" + accountId,
                "PRIVACY_OVERSIGHT",
                range.from() + ".." + range.to());
        return history.of(accountId, range.from(), range.to(), limit);
    }
}
