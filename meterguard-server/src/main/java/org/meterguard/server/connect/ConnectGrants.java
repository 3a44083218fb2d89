package org.meterguard.server.connect;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.meterguard.core.consent.ConsentRuleViolated;
import org.meterguard.core.consent.CustomerAuthorization;
import org.meterguard.core.consent.EspiScope;
import org.meterguard.core.consent.GrantMechanism;
import org.meterguard.server.access.CustomerPrincipals;
import org.meterguard.server.access.ThirdPartyGrants;
import org.meterguard.server.audit.Actor;
import org.meterguard.server.consent.AuthorizationGrant;
import org.meterguard.server.consent.Authorizations;
import org.meterguard.server.thirdparties.ThirdParties;
import org.meterguard.server.web.Conflict;
import org.meterguard.server.web.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Green Button Connect's side of the authorization-code flow: which client may ask for which scope, the customer's
 * approval recorded as an online customer authorization (one per account, third party and purpose; its scope from
 * {@link EspiScope}), and the binding of each OAuth authorization (its code and tokens) to that customer
 * authorization.
 */
@Service
class ConnectGrants implements ThirdPartyGrants {
    private final ConnectClients clients;
    private final ThirdParties thirdParties;
    private final Authorizations authorizations;
    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    ConnectGrants(ConnectClients clients, ThirdParties thirdParties, Authorizations authorizations, JdbcClient jdbc) {
        this.clients = clients;
        this.thirdParties = thirdParties;
        this.authorizations = authorizations;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> refusal(String clientId, Set<String> scopes) {
        Optional<ConnectClient> client = clients.find(clientId);
        if (client.isEmpty()) {
            return Optional.of("client " + clientId + " is not a Green Button Connect client");
        }
        if (client.get().disabledAt().isPresent()) {
            return Optional.of("client " + clientId + " is disabled");
        }
        Optional<String> standing = thirdParties
                .find(client.get().thirdPartyId())
                .map(clients::refusalOf)
                .orElse(Optional.of("third party " + client.get().thirdPartyId() + " is not registered"));
        if (standing.isPresent()) {
            return standing;
        }
        for (String scope : scopes) {
            if (!EspiScope.isValid(scope) || !client.get().scopes().contains(scope)) {
                return Optional.of("scope '" + scope + "' is not an ESPI scope registered for " + clientId);
            }
        }
        return Optional.empty();
    }

    @Override
    @Transactional
    public String approve(
            String clientId,
            String oauthAuthorizationId,
            Set<String> scopes,
            String accountId,
            Authentication customer,
            String clientAddress) {
        Optional<String> refusal = refusal(clientId, scopes);
        if (refusal.isPresent()) {
            throw new IllegalArgumentException(refusal.get());
        }
        if (scopes.size() != 1) {
            throw new IllegalArgumentException("an authorization covers exactly one scope");
        }
        if (customer == null || accountId.isBlank() || !CustomerPrincipals.owns(customer, accountId)) {
            throw new IllegalArgumentException("choose one of your own accounts to share");
        }
        ConnectClient client = clients.find(clientId).orElseThrow();
        String scope = scopes.iterator().next();
        EspiScope espi = EspiScope.parse(scope);
        Instant now = clock.instant();
        CustomerAuthorization granted;
        try {
            granted = authorizations.grant(
                    accountId,
                    new AuthorizationGrant(
                            client.thirdPartyId(),
                            client.purpose(),
                            espi.authorizationScope(now),
                            now,
                            Optional.of(espi.expiry(now))),
                    GrantMechanism.ONLINE,
                    new Actor(customer.getName(), CustomerPrincipals.CUSTOMER_ROLE, clientAddress));
        } catch (Conflict | NotFound | ConsentRuleViolated e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        jdbc.sql("""
                        INSERT INTO connect_grant (oauth2_authorization_id, authorization_id, client_id, third_party_id,
                            account_id, scope, granted_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        oauthAuthorizationId,
                        granted.authorizationId(),
                        clientId,
                        client.thirdPartyId(),
                        accountId,
                        scope,
                        Timestamp.from(now))
                .update();
        return granted.authorizationId();
    }

    @Override
    public Optional<String> boundAuthorization(String oauthAuthorizationId) {
        return jdbc.sql("SELECT authorization_id FROM connect_grant WHERE oauth2_authorization_id = ?")
                .param(oauthAuthorizationId)
                .query(String.class)
                .optional();
    }

    /** The OAuth authorizations issued under the customer authorization. */
    List<String> issuedUnder(String authorizationId) {
        return jdbc.sql("SELECT oauth2_authorization_id FROM connect_grant WHERE authorization_id = ?")
                .param(authorizationId)
                .query(String.class)
                .list();
    }

    /** The OAuth authorizations issued to the party's clients. */
    List<String> issuedTo(String thirdPartyId) {
        return jdbc.sql("SELECT oauth2_authorization_id FROM connect_grant WHERE third_party_id = ?")
                .param(thirdPartyId)
                .query(String.class)
                .list();
    }
}
