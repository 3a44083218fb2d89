package org.meterguard.server.readings.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.MeterId;
import org.meterguard.core.PurposeOfUse;
import org.meterguard.core.TimeRange;
import org.meterguard.server.access.AccessControl;
import org.meterguard.server.access.CoveredRead;
import org.meterguard.server.meters.MeterRegistry;
import org.meterguard.server.readings.ReadingStore;
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
        TimeRange range = BadRequest.parse("from/to", from + "/" + to, x -> range(from, to));
        PurposeOfUse declared = BadRequest.parse("purpose", purpose, PurposeOfUse::valueOf);
        Channel measured = BadRequest.parse("channel", channel, Channel::valueOf);
        accessControl.authorize(
                caller,
                new CoveredRead(
                        "read-interval-data",
                        "meter/" + meter + "/readings",
                        "meter:" + meter,
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

    private static TimeRange range(String from, String to) {
        TimeRange range = new TimeRange(instant(from), instant(to));
        if (range.length().compareTo(LONGEST_RANGE) > 0) {
            throw new IllegalArgumentException("the range " + range.length().toDays() + " days is longer than "
                    + LONGEST_RANGE.toDays() + " days");
        }
        return range;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
    }
}
