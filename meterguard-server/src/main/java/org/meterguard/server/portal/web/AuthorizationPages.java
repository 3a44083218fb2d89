package org.meterguard.server.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.meterguard.core.TimeRange;
import org.meterguard.core.consent.AuthorizationScope;
import org.meterguard.core.consent.CustomerAuthorization;
import org.meterguard.core.consent.GrantMechanism;
import org.meterguard.core.consent.Granularity;
import org.meterguard.core.consent.InformationCategory;
import org.meterguard.server.access.AccessControl;
import org.meterguard.server.access.CustomerPrincipals;
import org.meterguard.server.audit.Actor;
import org.meterguard.server.consent.AuthorizationGrant;
import org.meterguard.server.consent.Authorizations;
import org.meterguard.server.portal.UsageDashboard;
import org.meterguard.server.thirdparties.ThirdParties;
import org.meterguard.server.web.Conflict;
import org.meterguard.server.web.NotFound;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /portal/authorizations}: the third parties the customer authorized on their own accounts, with each
 * authorization's status and scope; the customer grants one online and revokes what they granted online, by the
 * same mechanism (one granted on a signed form is revoked by a signed form). Every listing is the customer's own read,
 * decided and audited; grants and revocations are audited by {@link Authorizations}.
 */
@Controller
class AuthorizationPages {
    private final Authorizations authorizations;
    private final ThirdParties thirdParties;
    private final AccessControl access;
    private final UsageDashboard dashboard;
    private final Clock clock = Clock.systemUTC();

    AuthorizationPages(
            Authorizations authorizations, ThirdParties thirdParties, AccessControl access, UsageDashboard dashboard) {
        this.authorizations = authorizations;
        this.thirdParties = thirdParties;
        this.access = access;
        this.dashboard = dashboard;
    }

    @GetMapping("/portal/authorizations")
    String page(Authentication caller, HttpServletRequest request, Model model) {
        List<String> accountIds = CustomerPrincipals.accountIds(caller);
        if (accountIds.isEmpty()) {
            return PortalPages.SIGN_IN;
        }
        Instant now = clock.instant();
        Map<String, List<CustomerAuthorization>> byAccount = new LinkedHashMap<>();
        for (String accountId : accountIds) {
            access.authorizeOwn(
                    caller,
                    accountId,
                    "read-authorizations",
                    "account/" + accountId + "/authorizations",
                    "the customer's own authorizations",
                    request.getRemoteAddr());
            byAccount.put(accountId, authorizations.forAccount(accountId));
        }
        Map<String, String> parties = new LinkedHashMap<>();
        thirdParties.all().stream()
                .filter(p -> !p.isCutOffAt(now))
                .forEach(p -> parties.put(p.thirdPartyId(), p.organization()));
        Map<String, String> names = new LinkedHashMap<>();
        thirdParties.all().forEach(p -> names.put(p.thirdPartyId(), p.organization()));
        ZoneId zone = dashboard.zoneOf(accountIds.get(0));
        LocalDate today = now.atZone(zone).toLocalDate();
        model.addAttribute("accountIds", accountIds);
        model.addAttribute("byAccount", byAccount);
        model.addAttribute("parties", parties);
        model.addAttribute("partyNames", names);
        model.addAttribute("now", now);
        model.addAttribute("zone", zone);
        model.addAttribute("online", GrantMechanism.ONLINE);
        model.addAttribute("categories", InformationCategory.values());
        model.addAttribute("granularities", Granularity.values());
        model.addAttribute("usageFrom", today.minusYears(1));
        model.addAttribute("usageTo", today.plusYears(1));
        model.addAttribute("expiry", today.plusYears(1));
        return "portal/authorizations";
    }

    @PostMapping("/portal/authorizations")
    String grant(
            @RequestParam String account,
            @RequestParam String thirdParty,
            @RequestParam String purpose,
            @RequestParam(required = false) List<String> categories,
            @RequestParam String finest,
            @RequestParam String usageFrom,
            @RequestParam String usageTo,
            @RequestParam(required = false) String expiry,
            Authentication caller,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        requireOwn(caller, account, "grant", request);
        try {
            ZoneId zone = dashboard.zoneOf(account);
            Set<InformationCategory> covered = EnumSet.noneOf(InformationCategory.class);
            (categories == null ? List.<String>of() : categories)
                    .forEach(c -> covered.add(InformationCategory.valueOf(c)));
            AuthorizationScope scope = new AuthorizationScope(
                    covered, new TimeRange(start(usageFrom, zone), start(usageTo, zone)), Granularity.valueOf(finest));
            Optional<Instant> ends =
                    expiry == null || expiry.isBlank() ? Optional.empty() : Optional.of(start(expiry, zone));
            CustomerAuthorization granted = authorizations.grant(
                    account,
                    new AuthorizationGrant(thirdParty, purpose.strip(), scope, clock.instant(), ends),
                    GrantMechanism.ONLINE,
                    actor(caller, request));
            redirect.addFlashAttribute(
                    "done", "You authorized " + thirdParty + " (" + granted.authorizationId() + ").");
        } catch (Conflict | NotFound | IllegalArgumentException e) { // ConsentRuleViolated included
            redirect.addFlashAttribute("problem", "Not authorized: " + e.getMessage());
        }
        return "redirect:/portal/authorizations";
    }

    @PostMapping("/portal/authorizations/{authorizationId}/revocation")
    String revoke(
            @PathVariable String authorizationId,
            @RequestParam String account,
            Authentication caller,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        requireOwn(caller, account, "revoke", request);
        try {
            authorizations.revoke(account, authorizationId, GrantMechanism.ONLINE, actor(caller, request));
            redirect.addFlashAttribute("done", "Revoked " + authorizationId + ": no more data goes to that party.");
        } catch (Conflict | NotFound e) {
            redirect.addFlashAttribute("problem", "Not revoked: " + e.getMessage());
        }
        return "redirect:/portal/authorizations";
    }

    private void requireOwn(Authentication caller, String account, String what, HttpServletRequest request) {
        access.authorizeOwn(
                caller,
                account,
                what + "-authorization-request",
                "account/" + account + "/authorizations",
                "the customer asks to " + what + " an authorization online",
                request.getRemoteAddr());
    }

    private static Actor actor(Authentication caller, HttpServletRequest request) {
        return new Actor(caller.getName(), CustomerPrincipals.CUSTOMER_ROLE, request.getRemoteAddr());
    }

    private static Instant start(String date, ZoneId zone) {
        return PortalParameters.date(date).atStartOfDay(zone).toInstant();
    }
}
