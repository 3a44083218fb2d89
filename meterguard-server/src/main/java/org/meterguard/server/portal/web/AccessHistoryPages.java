package org.meterguard.server.portal.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.meterguard.server.access.CustomerPrincipals;
import org.meterguard.server.audit.AccessHistory;
import org.meterguard.server.audit.AccessRecord;
import org.meterguard.server.portal.UsageDashboard;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /portal/access-history}: who accessed the customer's own accounts' data in the last 90 days (a role or an
 * organization, never a person's name), for what purpose, what and when, newest first.
 */
@Controller
class AccessHistoryPages {
    private static final Duration SHOWN = Duration.ofDays(90);
    private static final int LIMIT = 2_000;

    private final AccessHistory history;
    private final UsageDashboard dashboard;
    private final Clock clock = Clock.systemUTC();

    AccessHistoryPages(AccessHistory history, UsageDashboard dashboard) {
        this.history = history;
        this.dashboard = dashboard;
    }

    /** One access to one of the customer's accounts. */
    record Access(String accountId, AccessRecord record) {}

    @GetMapping("/portal/access-history")
    String page(Authentication caller, Model model) {
        List<String> accountIds = CustomerPrincipals.accountIds(caller);
        if (accountIds.isEmpty()) {
            return PortalPages.SIGN_IN;
        }
        Instant now = clock.instant();
        List<Access> accesses = new ArrayList<>();
        for (String accountId : accountIds) {
            history.of(accountId, now.minus(SHOWN), now.plusSeconds(1), LIMIT)
                    .forEach(r -> accesses.add(new Access(accountId, r)));
        }
        accesses.sort(Comparator.comparing((Access a) -> a.record().at()).reversed());
        model.addAttribute("accesses", accesses);
        model.addAttribute("zone", dashboard.zoneOf(accountIds.get(0)));
        return "portal/access-history";
    }
}
