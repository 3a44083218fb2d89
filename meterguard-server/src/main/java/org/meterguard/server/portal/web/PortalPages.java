package org.meterguard.server.portal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.meterguard.server.access.CustomerPrincipals;
import org.meterguard.server.portal.UsageDashboard;
import org.meterguard.server.privacy.PrivacyNotices;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The customer portal's sign-in page and usage dashboard. A visitor who is not a signed-in customer is sent to
 * the sign-in page; the dashboard tells a customer of a privacy notice due to them (new account, changed version,
 * annual) and logs that it was given.
 */
@Controller
class PortalPages {
    static final String SIGN_IN = "redirect:/portal/sign-in";

    private final UsageDashboard dashboard;
    private final PrivacyNotices notices;
    private final Clock clock = Clock.systemUTC();

    PortalPages(UsageDashboard dashboard, PrivacyNotices notices) {
        this.dashboard = dashboard;
        this.notices = notices;
    }

    @GetMapping("/portal/sign-in")
    String signIn() {
        return "portal/sign-in";
    }

    @GetMapping("/portal")
    String dashboard(Authentication caller, Model model) {
        List<String> accountIds = CustomerPrincipals.accountIds(caller);
        if (accountIds.isEmpty()) {
            return SIGN_IN;
        }
        model.addAttribute("accountIds", accountIds);
        model.addAttribute("noticeDue", noticeDue(accountIds).orElse(null));
        ZoneId zone = dashboard.zoneOf(accountIds.get(0));
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        model.addAttribute("from", today.minusDays(30));
        model.addAttribute("to", today.plusDays(1));
        return "portal/dashboard";
    }

    /** The notice due to any of the customer's accounts, logged as given to each account it was due to. */
    private Optional<PrivacyNotices.NoticeDue> noticeDue(List<String> accountIds) {
        Optional<PrivacyNotices.NoticeDue> shown = Optional.empty();
        for (String accountId : accountIds) {
            Optional<PrivacyNotices.NoticeDue> due = notices.due(accountId);
            if (due.isPresent()) {
                notices.recordGiven(accountId, due.get(), "portal sign-in");
                shown = shown.isPresent() ? shown : due;
            }
        }
        return shown;
    }
}
