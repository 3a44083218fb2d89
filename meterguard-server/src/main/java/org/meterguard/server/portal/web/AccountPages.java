package org.meterguard.server.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.meterguard.core.TimeRange;
import org.meterguard.server.access.CustomerPrincipals;
import org.meterguard.server.accounts.Occupancy;
import org.meterguard.server.portal.CustomerViews;
import org.meterguard.server.portal.UsageDashboard;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /portal/accounts}: the customer's own accounts, service points and meters, each for its own period;
 * {@code /portal/outages}: the outages of their meters in the last year, within their occupancy.
 */
@Controller
class AccountPages {
    private static final Duration OUTAGE_HISTORY = Duration.ofDays(366);

    private final CustomerViews views;
    private final UsageDashboard dashboard;
    private final Clock clock = Clock.systemUTC();

    AccountPages(CustomerViews views, UsageDashboard dashboard) {
        this.views = views;
        this.dashboard = dashboard;
    }

    @GetMapping("/portal/accounts")
    String accounts(Authentication caller, HttpServletRequest request, Model model) {
        List<String> accountIds = CustomerPrincipals.accountIds(caller);
        if (accountIds.isEmpty()) {
            return PortalPages.SIGN_IN;
        }
        model.addAttribute(
                "accounts",
                accountIds.stream()
                        .map(id -> views.account(caller, id, request.getRemoteAddr()))
                        .toList());
        model.addAttribute("zone", zone(accountIds));
        model.addAttribute("openEnd", Occupancy.OPEN_END);
        return "portal/accounts";
    }

    @GetMapping("/portal/outages")
    String outages(Authentication caller, HttpServletRequest request, Model model) {
        List<String> accountIds = CustomerPrincipals.accountIds(caller);
        if (accountIds.isEmpty()) {
            return PortalPages.SIGN_IN;
        }
        Instant now = clock.instant();
        TimeRange year = new TimeRange(now.minus(OUTAGE_HISTORY), now.plusSeconds(1));
        model.addAttribute(
                "outages",
                accountIds.stream()
                        .flatMap(id -> views.outages(caller, id, year, request.getRemoteAddr()).stream())
                        .toList());
        model.addAttribute("zone", zone(accountIds));
        return "portal/outages";
    }

    private ZoneId zone(List<String> accountIds) {
        return dashboard.zoneOf(accountIds.get(0));
    }
}
