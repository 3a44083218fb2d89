package org.meterguard.server.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.meterguard.core.consent.AuthorizationScope;
import org.meterguard.core.consent.ConsentRuleViolated;
import org.meterguard.core.consent.EspiScope;
import org.meterguard.core.thirdparty.ThirdParty;
import org.meterguard.server.access.CustomerPrincipals;
import org.meterguard.server.access.ThirdPartyGrants;
import org.meterguard.server.connect.ConnectClient;
import org.meterguard.server.connect.ConnectClients;
import org.meterguard.server.portal.UsageDashboard;
import org.meterguard.server.thirdparties.ThirdParties;
import org.meterguard.server.web.BadRequest;
import org.meterguard.server.web.NotFound;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /portal/connect/consent}: the Green Button Connect consent screen the authorization server sends a signed-in
 * customer to. It shows who asks, for what purpose, which data, over which period, how fine and until when; the
 * customer picks the account to share and approves (the authorization server then records the authorization and
 * sends the third party its code) or denies. Nothing is read or granted by showing it.
 */
@Controller
class ConnectConsentPages {
    private final ConnectClients clients;
    private final ThirdParties thirdParties;
    private final UsageDashboard dashboard;
    private final Clock clock = Clock.systemUTC();

    ConnectConsentPages(ConnectClients clients, ThirdParties thirdParties, UsageDashboard dashboard) {
        this.clients = clients;
        this.thirdParties = thirdParties;
        this.dashboard = dashboard;
    }

    @GetMapping(ThirdPartyGrants.CONSENT_PAGE)
    String consent(
            @RequestParam("client_id") String clientId,
            @RequestParam String scope,
            @RequestParam String state,
            Authentication caller,
            HttpServletRequest request,
            Model model) {
        List<String> accountIds = CustomerPrincipals.accountIds(caller);
        if (accountIds.isEmpty()) {
            return PortalPages.SIGN_IN;
        }
        ConnectClient client =
                clients.find(clientId).orElseThrow(() -> new NotFound("no Green Button Connect client " + clientId));
        ThirdParty party = thirdParties
                .find(client.thirdPartyId())
                .orElseThrow(() -> new NotFound("no third party " + client.thirdPartyId()));
        EspiScope espi;
        try {
            espi = EspiScope.parse(scope);
        } catch (ConsentRuleViolated e) {
            throw new BadRequest(e.getMessage());
        }
        Instant now = clock.instant();
        AuthorizationScope granted = espi.authorizationScope(now);
        ZoneId zone = dashboard.zoneOf(accountIds.get(0));
        model.addAttribute("party", party);
        model.addAttribute("purpose", client.purpose());
        model.addAttribute("scope", scope);
        model.addAttribute("description", espi.describe());
        model.addAttribute("categories", granted.categories());
        model.addAttribute("finest", granted.finest());
        model.addAttribute("usageFrom", granted.usagePeriod().from().atZone(zone));
        model.addAttribute("usageTo", granted.usagePeriod().to().atZone(zone));
        model.addAttribute("expiry", espi.expiry(now).atZone(zone));
        model.addAttribute("clientId", clientId);
        model.addAttribute("state", state);
        model.addAttribute("accountIds", accountIds);
        return "portal/connect-consent";
    }
}
