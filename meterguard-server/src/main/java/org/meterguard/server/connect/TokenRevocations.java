package org.meterguard.server.connect;

import java.time.Clock;
import java.util.List;
import org.meterguard.audit.AuditEvent;
import org.meterguard.server.audit.Actor;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.consent.AuthorizationRevoked;
import org.meterguard.server.thirdparties.ThirdPartyCutOff;
import org.springframework.context.event.EventListener;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.stereotype.Component;

/**
 * Tokens die with their basis: when a customer revokes an authorization, the OAuth authorizations issued under it
 * (codes, access and refresh tokens) are removed; when a party is cut off, all of its clients' tokens are removed and
 * the clients disabled. Both run in the transaction that revokes or cuts off, and are audited where they removed or
 * disabled anything. Every ESPI request
 * checks the customer authorization afresh in any case.
 */
@Component
class TokenRevocations {
    private final ConnectGrants grants;
    private final ConnectClients clients;
    private final OAuth2AuthorizationService oauth2Authorizations;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    TokenRevocations(
            ConnectGrants grants,
            ConnectClients clients,
            OAuth2AuthorizationService oauth2Authorizations,
            AuditLog audit) {
        this.grants = grants;
        this.clients = clients;
        this.oauth2Authorizations = oauth2Authorizations;
        this.audit = audit;
    }

    @EventListener
    void revoked(AuthorizationRevoked event) {
        String id = event.authorization().authorizationId();
        int removed = remove(grants.issuedUnder(id));
        if (removed == 0) {
            return;
        }
        record(
                event.authorization().revocation().map(r -> r.recordedBy()).orElse("system"),
                "account/" + event.authorization().accountId() + "/authorizations/" + id,
                "account:" + event.authorization().accountId(),
                removed + " OAuth authorization(s) of " + event.authorization().thirdPartyId()
                        + " removed: the customer revoked " + id);
    }

    @EventListener
    void cutOff(ThirdPartyCutOff event) {
        int removed = remove(grants.issuedTo(event.thirdPartyId()));
        int disabled = clients.disableAll(
                event.thirdPartyId(), new Actor(event.cutOff().decidedBy(), "", ""));
        if (removed + disabled == 0) {
            return;
        }
        record(
                event.cutOff().decidedBy(),
                "third-party/" + event.thirdPartyId(),
                "third-party:" + event.thirdPartyId(),
                removed + " OAuth authorization(s) removed and " + disabled
                        + " client(s) disabled: the party is cut off");
    }

    private int remove(List<String> oauthAuthorizationIds) {
        int removed = 0;
        for (String id : oauthAuthorizationIds) {
            OAuth2Authorization authorization = oauth2Authorizations.findById(id);
            if (authorization != null) {
                oauth2Authorizations.remove(authorization);
                removed++;
            }
        }
        return removed;
    }

    private void record(String actor, String resource, String subject, String detail) {
        audit.append(new AuditEvent(
                clock.instant(),
                actor,
                "",
                "revoke-connect-tokens",
                resource,
                subject,
                "",
                "",
                "EXECUTED",
                "",
                detail));
    }
}
