package org.meterguard.server.legal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.meterguard.core.PurposeOfUse;
import org.meterguard.core.TimeRange;
import org.meterguard.core.access.Permission;
import org.meterguard.core.consent.Granularity;
import org.meterguard.core.consent.InformationCategory;
import org.meterguard.core.legal.CustomerNotice;
import org.meterguard.core.legal.LegalDemand;
import org.meterguard.core.legal.LegalDemandKind;
import org.meterguard.core.legal.LegalDemandScope;
import org.meterguard.core.legal.LegalDemandStatus;
import org.meterguard.server.access.AccessControl;
import org.meterguard.server.access.CoveredRead;
import org.meterguard.server.consent.UsageValue;
import org.meterguard.server.legal.LegalDemandRecord;
import org.meterguard.server.legal.LegalDemands;
import org.meterguard.server.web.BadRequest;
import org.meterguard.server.web.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The legal-demand register over HTTP (who may call which is set in the security configuration: the privacy officer
 * manages, the security auditor reads):
 *
 * <ul>
 *   <li>{@code POST /api/v1/legal-demands} with {@code {"id", "kind", "issuer", "receivedOn", "accountIds" (or
 *       "accountId"), "categories", "usageFrom", "usageThrough", "noticeForbidden"}};
 *   <li>{@code GET /api/v1/legal-demands?year=} and {@code GET /api/v1/legal-demands/{id}} (with its notices,
 *       releases, and where each account's release stands today);
 *   <li>{@code POST …/{id}/notices} with {@code {"accountId", "givenOn", "method"}}; {@code POST …/{id}/contest} with
 *       {@code {"accountId"}}; {@code POST …/{id}/resolution} with {@code {"outcome": "UPHELD"|"QUASHED"}};
 *       {@code POST …/{id}/notice-permitted} (an order's ban on notice ended); {@code POST …/{id}/close};
 *   <li>{@code POST …/{id}/releases} with {@code {"accountId", "usageFrom", "usageTo", "granularity"}}: the account's
 *       interval usage, if the rules allow its release today (else 403 with the reason) and access control permits
 *       the caller's own read of it (purpose LEGAL_REQUIREMENT, the demand as basis, current privacy training).
 * </ul>
 */
@RestController
class LegalDemandsController {
    private final LegalDemands demands;
    private final AccessControl access;

    LegalDemandsController(LegalDemands demands, AccessControl access) {
        this.demands = demands;
        this.access = access;
    }

    record DemandBody(
            String id,
            String kind,
            String issuer,
            String receivedOn,
            List<String> accountIds,
            String accountId,
            List<String> categories,
            String usageFrom,
            String usageThrough,
            Boolean noticeForbidden) {}

    record NoticeBody(String accountId, String givenOn, String method) {}

    record ContestBody(String accountId) {}

    record ResolutionBody(String outcome) {}

    record ReleaseBody(String accountId, String usageFrom, String usageTo, String granularity) {}

    /** What a release answers: the values released and to whom. */
    record Released(String demandId, String accountId, String granularity, List<UsageValue> values) {}

    @PostMapping("/api/v1/legal-demands")
    @ResponseStatus(HttpStatus.CREATED)
    LegalDemandRecord register(@RequestBody DemandBody body, Authentication caller, HttpServletRequest http) {
        return demands.register(demand(body), Callers.actor(caller, http));
    }

    @GetMapping("/api/v1/legal-demands")
    List<LegalDemand> list(@RequestParam int year) {
        if (year < 1970 || year > 9999) {
            throw new BadRequest("year " + year + " is out of range");
        }
        return demands.receivedIn(year);
    }

    @GetMapping("/api/v1/legal-demands/{id}")
    LegalDemandRecord one(@PathVariable String id) {
        return demands.details(id);
    }

    @PostMapping("/api/v1/legal-demands/{id}/notices")
    @ResponseStatus(HttpStatus.CREATED)
    LegalDemandRecord notice(
            @PathVariable String id, @RequestBody NoticeBody body, Authentication caller, HttpServletRequest http) {
        CustomerNotice notice = BadRequest.parse(
                "notice",
                "",
                x -> new CustomerNotice(
                        id, required("accountId", body.accountId()), date("givenOn", body.givenOn()), body.method()));
        return demands.recordNotice(notice, Callers.actor(caller, http));
    }

    @PostMapping("/api/v1/legal-demands/{id}/contest")
    LegalDemandRecord contest(
            @PathVariable String id, @RequestBody ContestBody body, Authentication caller, HttpServletRequest http) {
        return demands.contest(id, required("accountId", body.accountId()), Callers.actor(caller, http));
    }

    @PostMapping("/api/v1/legal-demands/{id}/resolution")
    LegalDemandRecord resolve(
            @PathVariable String id, @RequestBody ResolutionBody body, Authentication caller, HttpServletRequest http) {
        String outcome = String.valueOf(body.outcome());
        if (!outcome.equals("UPHELD") && !outcome.equals("QUASHED")) {
            throw new BadRequest("invalid outcome '" + outcome + "': UPHELD or QUASHED");
        }
        return demands.resolve(id, outcome.equals("UPHELD"), Callers.actor(caller, http));
    }

    @PostMapping("/api/v1/legal-demands/{id}/notice-permitted")
    LegalDemandRecord permitNotice(@PathVariable String id, Authentication caller, HttpServletRequest http) {
        return demands.permitNotice(id, Callers.actor(caller, http));
    }

    @PostMapping("/api/v1/legal-demands/{id}/close")
    LegalDemandRecord close(@PathVariable String id, Authentication caller, HttpServletRequest http) {
        return demands.close(id, Callers.actor(caller, http));
    }

    @PostMapping("/api/v1/legal-demands/{id}/releases")
    Released release(
            @PathVariable String id, @RequestBody ReleaseBody body, Authentication caller, HttpServletRequest http) {
        String account = required("accountId", body.accountId());
        TimeRange period = BadRequest.parse(
                "usage period",
                "",
                x -> new TimeRange(instant("usageFrom", body.usageFrom()), instant("usageTo", body.usageTo())));
        Granularity granularity =
                BadRequest.parse("granularity", String.valueOf(body.granularity()), Granularity::valueOf);
        Runnable authorizeRead = () -> access.authorize(
                caller,
                new CoveredRead(
                        Permission.READ_USAGE,
                        "read-for-legal-release",
                        "account/" + account + "/readings",
                        "account:" + account,
                        period,
                        PurposeOfUse.LEGAL_REQUIREMENT,
                        id,
                        "release under legal demand " + id),
                http.getRemoteAddr());
        List<UsageValue> values = demands.releaseIntervalUsage(
                id, account, period, granularity, Callers.actor(caller, http), authorizeRead);
        return new Released(id, account, granularity.name(), values);
    }

    private static LegalDemand demand(DemandBody body) {
        LegalDemandKind kind = BadRequest.parse("kind", String.valueOf(body.kind()), LegalDemandKind::valueOf);
        List<String> accounts = body.accountIds() != null
                ? body.accountIds()
                : body.accountId() == null ? List.of() : List.of(body.accountId());
        Set<InformationCategory> categories = EnumSet.noneOf(InformationCategory.class);
        for (String category : body.categories() == null ? List.<String>of() : body.categories()) {
            categories.add(BadRequest.parse("category", category, InformationCategory::valueOf));
        }
        LocalDate received = date("receivedOn", body.receivedOn());
        LocalDate from = date("usageFrom", body.usageFrom());
        LocalDate through = date("usageThrough", body.usageThrough());
        return BadRequest.parse(
                "legal demand",
                "",
                x -> new LegalDemand(
                        body.id(),
                        kind,
                        body.issuer(),
                        received,
                        new LegalDemandScope(accounts, categories, from, through),
                        Boolean.TRUE.equals(body.noticeForbidden()),
                        LegalDemandStatus.OPEN));
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequest("missing " + name);
        }
        return value;
    }

    private static LocalDate date(String name, String text) {
        if (text == null) {
            throw new BadRequest("missing " + name + " (a date such as 2026-03-02)");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequest("invalid " + name + ": '" + text + "' is not a date such as 2026-03-02");
        }
    }

    private static Instant instant(String name, String text) {
        if (text == null) {
            throw new BadRequest("missing " + name + " (an instant such as 2026-03-01T08:00:00Z)");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequest("invalid " + name + ": '" + text + "' is not an instant such as 2026-03-01T08:00:00Z");
        }
    }
}
