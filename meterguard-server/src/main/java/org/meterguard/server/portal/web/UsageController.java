package org.meterguard.server.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import org.meterguard.core.usage.Resolution;
import org.meterguard.server.portal.UsageDashboard;
import org.meterguard.server.web.BadRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me/usage?account=&from=&to=&resolution=}: the signed-in customer's own usage for local days
 * {@code [from, to)} at {@code QUARTER_HOUR}, {@code HOUR}, {@code DAY} or {@code MONTH}, with the period before.
 */
@RestController
class UsageController {
    private final UsageDashboard dashboard;

    UsageController(UsageDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/v1/me/usage")
    UsageResponse usage(
            @RequestParam String account,
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam(defaultValue = "DAY") String resolution,
            Authentication caller,
            HttpServletRequest request) {
        LocalDate first = BadRequest.parse("from", from, PortalParameters::date);
        LocalDate end = BadRequest.parse("to", to, PortalParameters::date);
        Resolution chosen = BadRequest.parse("resolution", resolution, PortalParameters::resolution);
        PortalParameters.requirePeriod(first, end, chosen);
        return UsageResponse.of(dashboard.usage(caller, account, first, end, chosen, request.getRemoteAddr()));
    }
}
