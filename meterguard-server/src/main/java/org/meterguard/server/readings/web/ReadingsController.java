package org.meterguard.server.readings.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.MeterId;
import org.meterguard.core.PurposeOfUse;
import org.meterguard.core.TimeRange;
import org.meterguard.core.access.Permission;
import org.meterguard.server.access.AccessControl;
import org.meterguard.server.access.CoveredRead;
import org.meterguard.server.meters.MeterRegistry;
import org.meterguard.server.readings.ReadingStore;
import org.meterguard.server.web.BadRequest;
import org.meterguard.server.web.NotFound;
import org.meterguard.server.web.TimeRanges;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/meters/{meterId}/readings?from=…&to=…&purpose=…[&basis=…][&channel=…]}: a meter's interval
 * readings for a declared purpose. The access decision is audited before anything is read.
 */
@RestController
class ReadingsController {
    private static final Duration LONGEST_RANGE = Duration.ofDays(366);

    private final AccessControl accessControl;
    private final ReadingStore store;
    private final MeterRegistry meters;

    ReadingsController(AccessControl accessControl, ReadingStore store, MeterRegistry meters) {
        this.accessControl = accessControl;
        this.store = store;
        this.meters = meters;
    }

    @GetMapping("/api/v1/meters/{meterId}/readings")
    ReadingsResponse readings(
            @PathVariable String meterId,
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam String purpose,
            @RequestParam(required = false) String basis,
            @RequestParam(defaultValue = "ACTIVE_ENERGY_IMPORT") String channel,
            Authentication caller,
            HttpServletRequest request) {
        MeterId meter = BadRequest.parse("meterId", meterId, MeterId::of);
        TimeRange range = TimeRanges.parse(from, to, LONGEST_RANGE);
        PurposeOfUse declared = BadRequest.parse("purpose", purpose, PurposeOfUse::valueOf);
        Channel measured = BadRequest.parse("channel", channel, Channel::valueOf);
        accessControl.authorize(
                caller,
                new CoveredRead(
                        Permission.READ_USAGE,
                        "read-interval-data",
                        "meter/" + meter + "/readings",
                        "meter:" + meter,
                        range,
                        declared,
                        basis,
                        measured + " " + range.from() + ".." + range.to()),
                request.getRemoteAddr());
        if (!meters.exists(meter)) {
            throw new NotFound("no meter " + meter);
        }
        List<IntervalReading> readings = store.read(meter, measured, range);
        return ReadingsResponse.of(meter, measured, range, readings);
    }
}
