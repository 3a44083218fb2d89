package org.meterguard.server.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import org.meterguard.core.usage.Resolution;
import org.meterguard.server.portal.UsageDashboard;
import org.meterguard.server.web.BadRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/me/usage?account=&from=&to=&resolution=}: the signed-in customer's own usage for local days
 * {@code [from, to)} at {@code QUARTER_HOUR}, {@code HOUR}, {@code DAY} or {@code MONTH}, with the period before.
 * The JSON is written by the application's own mapper inside the dashboard's turn (see {@link UsageDashboard}), not
 * afterwards by the message converter.
 */
@RestController
class UsageController {
    private final UsageDashboard dashboard;
    private final JsonMapper json;

    UsageController(UsageDashboard dashboard, JsonMapper json) {
        this.dashboard = dashboard;
        this.json = json;
    }

    @GetMapping(value = "/api/v1/me/usage", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> usage(
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
        byte[] body = dashboard.usage(
                caller,
                account,
                first,
                end,
                chosen,
                request.getRemoteAddr(),
                usage -> json.writeValueAsBytes(UsageResponse.of(usage)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
