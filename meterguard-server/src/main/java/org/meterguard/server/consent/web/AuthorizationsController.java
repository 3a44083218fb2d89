package org.meterguard.server.consent.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.meterguard.core.TimeRange;
import org.meterguard.core.consent.AuthorizationScope;
import org.meterguard.core.consent.CustomerAuthorization;
import org.meterguard.core.consent.GrantMechanism;
import org.meterguard.core.consent.Granularity;
import org.meterguard.core.consent.InformationCategory;
import org.meterguard.server.consent.AuthorizationGrant;
import org.meterguard.server.consent.Authorizations;
import org.meterguard.server.consent.DisclosureRecord;
import org.meterguard.server.consent.Disclosures;
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
 * Staff's side of customers' authorizations (roles set in the security configuration):
 * {@code POST /api/v1/accounts/{account}/signed-authorizations} — a representative enters a signed form;
 * {@code POST /api/v1/accounts/{account}/signed-authorizations/{id}/revocation} — and its signed revocation (a form
 * revokes only what a form granted); {@code GET /api/v1/accounts/{account}/authorizations};
 * {@code GET /api/v1/authorizations/reminders-due} — open-ended residential authorizations due their yearly
 * reminder; {@code GET /api/v1/disclosures[?thirdParty][&account][&limit]} — the disclosure log.
 */
@RestController
class AuthorizationsController {
    private static final int MOST = 1000;

    private final Authorizations authorizations;
    private final Disclosures disclosures;

    AuthorizationsController(Authorizations authorizations, Disclosures disclosures) {
        this.authorizations = authorizations;
        this.disclosures = disclosures;
    }

    /** An authorization as a form states it; {@code expiry} may be absent (residential only). */
    record GrantForm(
            String thirdPartyId,
            String purpose,
            List<String> categories,
            String usageFrom,
            String usageTo,
            String finest,
            String start,
            String expiry) {}

    @PostMapping("/api/v1/accounts/{accountId}/signed-authorizations")
    @ResponseStatus(HttpStatus.CREATED)
    CustomerAuthorization signedForm(
            @PathVariable String accountId,
            @RequestBody GrantForm form,
            Authentication caller,
            HttpServletRequest request) {
        AuthorizationGrant grant = grant(form);
        try {
            return authorizations.grant(accountId, grant, GrantMechanism.SIGNED_FORM, Callers.actor(caller, request));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    @PostMapping("/api/v1/accounts/{accountId}/signed-authorizations/{authorizationId}/revocation")
    CustomerAuthorization signedRevocation(
            @PathVariable String accountId,
            @PathVariable String authorizationId,
            Authentication caller,
            HttpServletRequest request) {
        return authorizations.revoke(
                accountId, authorizationId, GrantMechanism.SIGNED_FORM, Callers.actor(caller, request));
    }

    @GetMapping("/api/v1/accounts/{accountId}/authorizations")
    List<CustomerAuthorization> ofAccount(@PathVariable String accountId) {
        return authorizations.forAccount(accountId);
    }

    @GetMapping("/api/v1/authorizations/reminders-due")
    List<CustomerAuthorization> remindersDue() {
        return authorizations.remindersDue(Instant.now());
    }

    @GetMapping("/api/v1/disclosures")
    List<DisclosureRecord> log(
            @RequestParam(required = false) String thirdParty,
            @RequestParam(required = false) String account,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MOST) {
            throw new BadRequest("limit " + limit + " must be between 1 and " + MOST);
        }
        return disclosures.log(thirdParty, account, limit);
    }

    /** The grant a form states; a {@link BadRequest} names the field that does not parse. */
    static AuthorizationGrant grant(GrantForm form) {
        try {
            Set<InformationCategory> categories = EnumSet.noneOf(InformationCategory.class);
            for (String category : form.categories() == null ? List.<String>of() : form.categories()) {
                categories.add(InformationCategory.valueOf(category));
            }
            AuthorizationScope scope = new AuthorizationScope(
                    categories,
                    new TimeRange(instant("usageFrom", form.usageFrom()), instant("usageTo", form.usageTo())),
                    Granularity.valueOf(String.valueOf(form.finest())));
            return new AuthorizationGrant(
                    String.valueOf(form.thirdPartyId()),
                    String.valueOf(form.purpose()),
                    scope,
                    instant("start", form.start()),
                    Optional.ofNullable(form.expiry()).map(e -> instant("expiry", e)));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    private static Instant instant(String name, String text) {
        if (text == null) {
            throw new BadRequest("missing " + name + " (an instant such as 2026-01-01T00:00:00Z)");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequest("invalid " + name + ": '" + text + "' is not an instant such as 2026-01-01T00:00:00Z");
        }
    }
}
