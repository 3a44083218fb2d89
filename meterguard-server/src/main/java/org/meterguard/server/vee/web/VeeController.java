package org.meterguard.server.vee.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.meterguard.core.Channel;
import org.meterguard.core.MeterId;
import org.meterguard.core.StaffRole;
import org.meterguard.core.vee.Edit;
import org.meterguard.core.vee.Finding;
import org.meterguard.core.vee.VeeResult;
import org.meterguard.server.meters.MeterRegistry;
import org.meterguard.server.vee.Validation;
import org.meterguard.server.vee.VeeReports;
import org.meterguard.server.web.BadRequest;
import org.meterguard.server.web.NotFound;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data quality for billing analysts and operators:
 *
 * <ul>
 *   <li>{@code POST /api/v1/meters/{meterId}/edits} with {@code {"channel", "intervalStart", "value", "reason"}}:
 *       edit one interval (billing analysts); the original value is kept and the edit audited;
 *   <li>{@code POST /api/v1/meters/{meterId}/validate?channel&date}: validate and estimate one local day now;
 *   <li>{@code GET /api/v1/vee/report?from&to}: meters with gaps, estimates and failed checks (local dates).
 * </ul>
 */
@RestController
class VeeController {
    private final Validation validation;
    private final VeeReports reports;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    VeeController(Validation validation, VeeReports reports, MeterRegistry meters) {
        this.validation = validation;
        this.reports = reports;
        this.meters = meters;
    }

    /** One edit as asked for. */
    record EditRequest(String channel, String intervalStart, Long value, String reason) {}

    /** What an edit or validation did. */
    record Outcome(int revisions, List<Finding> findings) {
        static Outcome of(VeeResult result) {
            return new Outcome(result.revisions().size(), result.findings());
        }
    }

    @PostMapping("/api/v1/meters/{meterId}/edits")
    Outcome edit(@PathVariable String meterId, @RequestBody EditRequest request, Authentication caller) {
        MeterId meter = known(meterId);
        Channel channel = BadRequest.parse("channel", String.valueOf(request.channel()), Channel::valueOf);
        Instant start = BadRequest.parse("intervalStart", String.valueOf(request.intervalStart()), Instant::parse);
        if (request.value() == null) {
            throw new BadRequest("missing value");
        }
        Edit edit = BadRequest.parse(
                "edit", "", x -> new Edit(start, request.value(), caller.getName(), clock.instant(), request.reason()));
        return Outcome.of(BadRequest.parse(
                "edit", "", x -> validation.edit(meter, channel, List.of(edit), StaffRole.BILLING_ANALYST.name())));
    }

    @PostMapping("/api/v1/meters/{meterId}/validate")
    Outcome validate(@PathVariable String meterId, @RequestParam String channel, @RequestParam String date) {
        MeterId meter = known(meterId);
        Channel measured = BadRequest.parse("channel", channel, Channel::valueOf);
        LocalDate day = BadRequest.parse("date", date, LocalDate::parse);
        return Outcome.of(validation.validate(meter, measured, day, clock.instant()));
    }

    @GetMapping("/api/v1/vee/report")
    List<Map<String, Object>> report(@RequestParam String from, @RequestParam String to) {
        return reports.report(
                BadRequest.parse("from", from, LocalDate::parse), BadRequest.parse("to", to, LocalDate::parse));
    }

    private MeterId known(String meterId) {
        MeterId meter = BadRequest.parse("meterId", meterId, MeterId::of);
        if (!meters.exists(meter)) {
            throw new NotFound("no meter " + meter);
        }
        return meter;
    }
}
