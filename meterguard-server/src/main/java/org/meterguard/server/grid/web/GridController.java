package org.meterguard.server.grid.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.meterguard.core.MeterId;
import org.meterguard.core.PurposeOfUse;
import org.meterguard.core.TimeRange;
import org.meterguard.server.access.AccessControl;
import org.meterguard.server.access.CoveredRead;
import org.meterguard.server.grid.AreaReliability;
import org.meterguard.server.grid.DiagnosticFlag;
import org.meterguard.server.grid.GridViews;
import org.meterguard.server.grid.MeterOutage;
import org.meterguard.server.grid.VoltageReport;
import org.meterguard.server.meters.MeterRegistry;
import org.meterguard.server.web.BadRequest;
import org.meterguard.server.web.NotFound;
import org.meterguard.server.web.TimeRanges;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Troubleshooting views, each a read for a declared purpose, audited before anything is read:
 *
 * <ul>
 *   <li>{@code GET /api/v1/meters/{meterId}/outages?from&to&purpose}
 *   <li>{@code GET /api/v1/meters/{meterId}/voltage?from&to&purpose}
 *   <li>{@code GET /api/v1/meters/{meterId}/diagnostics?from&to&purpose}
 *   <li>{@code GET /api/v1/reliability?area=feeder:NAME|zone:NAME&from&to&purpose}
 * </ul>
 */
@RestController
class GridController {
    private static final Duration LONGEST_RANGE = Duration.ofDays(366);

    private final AccessControl accessControl;
    private final GridViews views;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    GridController(AccessControl accessControl, GridViews views, MeterRegistry meters) {
        this.accessControl = accessControl;
        this.views = views;
        this.meters = meters;
    }

    @GetMapping("/api/v1/meters/{meterId}/outages")
    List<MeterOutage> outages(
            @PathVariable String meterId,
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam String purpose,
            @RequestParam(required = false) String basis,
            Authentication caller,
            HttpServletRequest request) {
        MeterId meter = authorizedMeter("read-outages", meterId, from, to, purpose, basis, caller, request);
        return views.outages(meter, TimeRanges.parse(from, to, LONGEST_RANGE), clock.instant());
    }

    @GetMapping("/api/v1/meters/{meterId}/voltage")
    VoltageReport voltage(
            @PathVariable String meterId,
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam String purpose,
            @RequestParam(required = false) String basis,
            Authentication caller,
            HttpServletRequest request) {
        MeterId meter = authorizedMeter("read-voltage", meterId, from, to, purpose, basis, caller, request);
        return views.voltage(meter, TimeRanges.parse(from, to, LONGEST_RANGE));
    }

    @GetMapping("/api/v1/meters/{meterId}/diagnostics")
    List<DiagnosticFlag> diagnostics(
            @PathVariable String meterId,
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam String purpose,
            @RequestParam(required = false) String basis,
            Authentication caller,
            HttpServletRequest request) {
        MeterId meter = authorizedMeter("read-diagnostics", meterId, from, to, purpose, basis, caller, request);
        return views.diagnostics(meter, TimeRanges.parse(from, to, LONGEST_RANGE));
    }

    @GetMapping("/api/v1/reliability")
    AreaReliability reliability(
            @RequestParam String area,
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam String purpose,
            @RequestParam(required = false) String basis,
            Authentication caller,
            HttpServletRequest request) {
        TimeRange range = TimeRanges.parse(from, to, LONGEST_RANGE);
        authorize("read-reliability", "reliability/" + area, area, range, purpose, basis, caller, request);
        return BadRequest.parse("area", area, a -> views.reliability(a, range, clock.instant()));
    }

    private MeterId authorizedMeter(
            String action,
            String meterId,
            String from,
            String to,
            String purpose,
            String basis,
            Authentication caller,
            HttpServletRequest request) {
        MeterId meter = BadRequest.parse("meterId", meterId, MeterId::of);
        TimeRange range = TimeRanges.parse(from, to, LONGEST_RANGE);
        authorize(
                action,
                "meter/" + meter + "/" + action.substring(5),
                "meter:" + meter,
                range,
                purpose,
                basis,
                caller,
                request);
        if (!meters.exists(meter)) {
            throw new NotFound("no meter " + meter);
        }
        return meter;
    }

    private void authorize(
            String action,
            String resource,
            String subject,
            TimeRange range,
            String purpose,
            String basis,
            Authentication caller,
            HttpServletRequest request) {
        PurposeOfUse declared = BadRequest.parse("purpose", purpose, PurposeOfUse::valueOf);
        accessControl.authorize(
                caller,
                new CoveredRead(action, resource, subject, declared, basis, range.from() + ".." + range.to()),
                request.getRemoteAddr());
    }
}
