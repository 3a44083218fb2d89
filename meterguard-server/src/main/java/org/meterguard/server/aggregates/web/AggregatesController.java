package org.meterguard.server.aggregates.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.meterguard.core.Channel;
import org.meterguard.server.aggregates.AggregateReleases;
import org.meterguard.server.aggregates.AggregateRequest;
import org.meterguard.server.aggregates.AreaKind;
import org.meterguard.server.aggregates.PeriodKind;
import org.meterguard.server.aggregates.ReleaseOutcome;
import org.meterguard.server.web.BadRequest;
import org.meterguard.server.web.Callers;
import org.meterguard.server.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/aggregates/releases} (privacy officer): compute, record and answer an aggregate release;
 * {@code GET /api/v1/aggregates/releases/{id}} (privacy officer, security auditor): a recorded release with its
 * request, policy and digest.
 */
@RestController
class AggregatesController {
    private final AggregateReleases releases;

    AggregatesController(AggregateReleases releases) {
        this.releases = releases;
    }

    /** A release as asked for; channel defaults to import energy, period to DAY, totals to true. */
    record ReleaseForm(
            String channel,
            String firstDay,
            String lastDay,
            String area,
            String period,
            Boolean totals,
            List<String> neighbourOrder) {}

    @PostMapping("/api/v1/aggregates/releases")
    @ResponseStatus(HttpStatus.CREATED)
    ReleaseOutcome release(@RequestBody ReleaseForm form, Authentication caller, HttpServletRequest http) {
        AggregateRequest request;
        try {
            request = new AggregateRequest(
                    form.channel() == null ? Channel.ACTIVE_ENERGY_IMPORT : Channel.valueOf(form.channel()),
                    LocalDate.parse(String.valueOf(form.firstDay())),
                    LocalDate.parse(String.valueOf(form.lastDay())),
                    AreaKind.valueOf(String.valueOf(form.area())),
                    form.period() == null ? PeriodKind.DAY : PeriodKind.valueOf(form.period()),
                    form.totals() == null || form.totals(),
                    form.neighbourOrder());
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new BadRequest("invalid release request: " + e.getMessage()
                    + " (firstDay and lastDay as 2026-06-02, area FEEDER or ZONE, period DAY or WHOLE)");
        }
        return releases.release(request, Callers.actor(caller, http));
    }

    @GetMapping("/api/v1/aggregates/releases/{id}")
    AggregateReleases.RecordedRelease one(@PathVariable long id) {
        return releases.find(id).orElseThrow(() -> new NotFound("no aggregate release " + id));
    }
}
