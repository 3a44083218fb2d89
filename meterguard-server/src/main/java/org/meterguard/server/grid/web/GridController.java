package org.meterguard.server.grid.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.meterguard.core.MeterId;
import org.meterguard.core.PurposeOfUse;
import org.meterguard.core.TimeRange;
import org.meterguard.core.access.Permission;
import org.meterguard.server.access.AccessControl;
import org.meterguard.server.access.CoveredRead;
import org.meterguard.server.access.Permit;
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
 *   <li>{@code GET /api/v1/reliability?area=feeder:NAME|zone:NAME&from&to&purpose}: the area's meters appear under
 *       keyed pseudonyms, as planning over an area needs nobody's identity
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

    /** The query parameters every view takes: the period and the declared purpose (with its basis, if needed). */
    record Declared(String from, String to, String purpose, String basis) {
        TimeRange range() {
            return TimeRanges.parse(required("from", from), required("to", to), LONGEST_RANGE);
        }

        private static String required(String name, String value) {
            if (value == null || value.isBlank()) {
                throw new BadRequest("missing parameter '" + name + "'"
                        + ("purpose".equals(name) ? "; every read of covered information declares a purpose" : ""));
            }
            return value;
        }
    }

    @GetMapping("/api/v1/meters/{meterId}/outages")
    List<MeterOutage> outages(
            @PathVariable String meterId, Declared declared, Authentication caller, HttpServletRequest request) {
        MeterId meter = authorizedMeter("read-outages", meterId, declared, caller, request);
        return views.outages(meter, declared.range(), clock.instant());
    }

    @GetMapping("/api/v1/meters/{meterId}/voltage")
    VoltageReport voltage(
            @PathVariable String meterId, Declared declared, Authentication caller, HttpServletRequest request) {
        return views.voltage(authorizedMeter("read-voltage", meterId, declared, caller, request), declared.range());
    }

    @GetMapping("/api/v1/meters/{meterId}/diagnostics")
    List<DiagnosticFlag> diagnostics(
            @PathVariable String meterId, Declared declared, Authentication caller, HttpServletRequest request) {
        return views.diagnostics(
                authorizedMeter("read-diagnostics", meterId, declared, caller, request), declared.range());
    }

    @GetMapping("/api/v1/reliability")
    AreaReliability reliability(
            @RequestParam String area, Declared declared, Authentication caller, HttpServletRequest request) {
        TimeRange range = declared.range();
        Permit permit =
                authorize("read-reliability", "reliability/" + area, "area:" + area, range, declared, caller, request);
        AreaReliability found = BadRequest.parse("area", area, a -> views.reliability(a, range, clock.instant()));
        return new AreaReliability(
                found.area(),
                found.indices(),
                found.outages().stream()
                        .map(o -> new MeterOutage(
                                permit.meterLabel(o.meterId()), o.start(), o.end(), o.durationSeconds(), o.ongoing()))
                        .toList(),
                found.unmatchedRestorations());
    }

    private MeterId authorizedMeter(
            String action, String meterId, Declared declared, Authentication caller, HttpServletRequest request) {
        MeterId meter = BadRequest.parse("meterId", meterId, MeterId::of);
        String resource = "meter/" + meter + "/" + action.substring("read-".length());
        authorize(action, resource, "meter:" + meter, declared.range(), declared, caller, request);
        if (!meters.exists(meter)) {
            throw new NotFound("no meter " + meter);
        }
        return meter;
    }

    private Permit authorize(
            String action,
            String resource,
            String subject,
            TimeRange range,
            Declared declared,
            Authentication caller,
            HttpServletRequest request) {
        PurposeOfUse purpose =
                BadRequest.parse("purpose", Declared.required("purpose", declared.purpose()), PurposeOfUse::valueOf);
        return accessControl.authorize(
                caller,
                new CoveredRead(
                        Permission.READ_GRID_DATA,
                        action,
                        resource,
                        subject,
                        range,
                        purpose,
                        declared.basis(),
                        range.from() + ".." + range.to()),
                request.getRemoteAddr());
    }
}
