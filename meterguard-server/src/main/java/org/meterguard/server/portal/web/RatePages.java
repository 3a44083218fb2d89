package org.meterguard.server.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.meterguard.server.access.AccessControl;
import org.meterguard.server.access.CustomerPrincipals;
import org.meterguard.server.rates.RateComparison;
import org.meterguard.server.web.NotFound;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /portal/rates}: what each plan offered to the customer would have cost them over their last 12 months,
 * month by month, the cheapest highlighted and each bill explained line by line; the read is the customer's own,
 * decided and audited first.
 */
@Controller
class RatePages {
    private static final int MONTHS = 12;

    private final RateComparison rates;
    private final AccessControl access;

    RatePages(RateComparison rates, AccessControl access) {
        this.rates = rates;
        this.access = access;
    }

    @GetMapping("/portal/rates")
    String page(
            @RequestParam(required = false) String account,
            @RequestParam(defaultValue = "false") boolean run,
            Authentication caller,
            HttpServletRequest request,
            Model model) {
        List<String> accountIds = CustomerPrincipals.accountIds(caller);
        if (accountIds.isEmpty()) {
            return PortalPages.SIGN_IN;
        }
        String chosen = account == null ? accountIds.get(0) : account;
        model.addAttribute("accountIds", accountIds);
        model.addAttribute("account", chosen);
        if (run) {
            access.authorizeOwn(
                    caller,
                    chosen,
                    "rate-comparison",
                    "account/" + chosen + "/rate-comparison",
                    "last " + MONTHS + " months",
                    request.getRemoteAddr());
            try {
                model.addAttribute("result", rates.compare(chosen, MONTHS, Optional.empty()));
            } catch (NotFound e) {
                model.addAttribute("problem", e.getMessage());
            }
        }
        return "portal/rates";
    }
}
