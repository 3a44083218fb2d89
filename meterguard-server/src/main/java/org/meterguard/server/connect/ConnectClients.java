package org.meterguard.server.connect;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.meterguard.audit.AuditEvent;
import org.meterguard.core.consent.ConsentRuleViolated;
import org.meterguard.core.consent.EspiScope;
import org.meterguard.core.thirdparty.ThirdParty;
import org.meterguard.server.audit.Actor;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.thirdparties.ThirdParties;
import org.meterguard.server.thirdparties.ThirdPartyProperties;
import org.meterguard.server.web.BadRequest;
import org.meterguard.server.web.Conflict;
import org.meterguard.server.web.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Third parties' Green Button Connect clients. The privacy officer registers one for a party that is not cut off and
 * holds a contract in good standing (in force today, protective terms confirmed): an OAuth client with the
 * authorization-code grant (PKCE allowed, not required), refresh tokens, the consent screen always shown, and only
 * ESPI scopes. Registration and disabling are audited. A cut-off party's clients are disabled: their secrets expire at
 * once, so they obtain and refresh no token.
 */
@Service
public class ConnectClients {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Access tokens are short-lived; each request checks the customer authorization in any case. */
    private static final Duration ACCESS_TOKEN = Duration.ofHours(1);
    /** A party polling daily keeps its refresh token alive; revocation and cut-off remove it at once. */
    private static final Duration REFRESH_TOKEN = Duration.ofDays(90);

    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwordEncoder;
    private final ThirdParties thirdParties;
    private final ThirdPartyProperties properties;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    ConnectClients(
            RegisteredClientRepository clients,
            PasswordEncoder passwordEncoder,
            ThirdParties thirdParties,
            ThirdPartyProperties properties,
            JdbcClient jdbc,
            AuditLog audit) {
        this.clients = clients;
        this.passwordEncoder = passwordEncoder;
        this.thirdParties = thirdParties;
        this.properties = properties;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Registers a client for {@code thirdPartyId}; returns its id and secret, the secret shown this once. */
    @Transactional
    public ConnectCredentials register(
            String thirdPartyId, String purpose, List<String> scopes, List<String> redirectUris, Actor officer) {
        ThirdParty party =
                thirdParties.find(thirdPartyId).orElseThrow(() -> new NotFound("no third party " + thirdPartyId));
        Optional<String> standing = refusalOf(party);
        if (standing.isPresent()) {
            throw new Conflict(standing.get());
        }
        validate(purpose, scopes, redirectUris);
        String clientId =
                "gbc-" + thirdPartyId + "-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = secret();
        Instant now = clock.instant();
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientName(party.organization())
                .clientIdIssuedAt(now)
                .clientSecret(passwordEncoder.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(redirectUris))
                .scopes(s -> s.addAll(scopes))
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(true)
                        .requireProofKey(false)
                        .build())
                .tokenSettings(TokenSettings.builder().reuseRefreshTokens(false).build())
                .build());
        jdbc.sql("INSERT INTO connect_client (client_id, third_party_id, purpose, registered_at, registered_by)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(clientId, thirdPartyId, purpose, Timestamp.from(now), officer.name())
                .update();
        record(
                officer,
                "register-connect-client",
                thirdPartyId,
                clientId,
                "purpose " + purpose + ", scopes " + String.join(" ", scopes) + ", redirect URIs "
                        + String.join(" ", redirectUris));
        return new ConnectCredentials(clientId, secret);
    }

    /** Why {@code party} may not obtain customers' data through Green Button Connect now; empty where it may. */
    Optional<String> refusalOf(ThirdParty party) {
        Instant now = clock.instant();
        if (party.isCutOffAt(now)) {
            return Optional.of("third party " + party.thirdPartyId() + " is cut off");
        }
        LocalDate today = now.atZone(properties.utilityZone()).toLocalDate();
        boolean inStanding = thirdParties.contracts(party.thirdPartyId()).stream()
                .anyMatch(c -> c.inForceOn(today) && c.protectiveTermsConfirmed());
        return inStanding
                ? Optional.empty()
                : Optional.of("third party " + party.thirdPartyId() + " has no contract in force with confirmed"
                        + " protective terms");
    }

    /** The client, if registered for Green Button Connect. */
    public Optional<ConnectClient> find(String clientId) {
        RegisteredClient registered = clients.findByClientId(clientId);
        if (registered == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM connect_client WHERE client_id = ?")
                .param(clientId)
                .query((rs, n) -> new ConnectClient(
                        clientId,
                        rs.getString("third_party_id"),
                        rs.getString("purpose"),
                        registered.getScopes().stream().sorted().toList(),
                        registered.getRedirectUris().stream().sorted().toList(),
                        rs.getTimestamp("registered_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("disabled_at")).map(Timestamp::toInstant)))
                .optional();
    }

    /** The party's clients, oldest first. */
    public List<ConnectClient> ofParty(String thirdPartyId) {
        return jdbc
                .sql("SELECT client_id FROM connect_client WHERE third_party_id = ? ORDER BY registered_at")
                .param(thirdPartyId)
                .query(String.class)
                .list()
                .stream()
                .flatMap(id -> find(id).stream())
                .toList();
    }

    /** Disables every client of the party (its secret expires now, the client is marked disabled); answers how many. */
    @Transactional
    public int disableAll(String thirdPartyId, Actor actor) {
        Instant now = clock.instant();
        int disabled = 0;
        for (String clientId : jdbc.sql(
                        "SELECT client_id FROM connect_client WHERE third_party_id = ? AND disabled_at IS NULL")
                .param(thirdPartyId)
                .query(String.class)
                .list()) {
            RegisteredClient registered = clients.findByClientId(clientId);
            if (registered != null) {
                clients.save(RegisteredClient.from(registered)
                        .clientSecretExpiresAt(now)
                        .build());
            }
            jdbc.sql("UPDATE connect_client SET disabled_at = ? WHERE client_id = ?")
                    .params(Timestamp.from(now), clientId)
                    .update();
            record(actor, "disable-connect-client", thirdPartyId, clientId, "the party is cut off");
            disabled++;
        }
        return disabled;
    }

    private static void validate(String purpose, List<String> scopes, List<String> redirectUris) {
        if (purpose == null || !purpose.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new BadRequest("invalid purpose '" + purpose
                    + "': 1 to 64 lower-case letters, digits, '.', '_' or '-', e.g. home-energy-report");
        }
        if (scopes == null || scopes.isEmpty() || redirectUris == null || redirectUris.isEmpty()) {
            throw new BadRequest("a client needs at least one ESPI scope and one redirect URI");
        }
        for (String scope : scopes) {
            try {
                EspiScope.parse(scope);
            } catch (ConsentRuleViolated e) {
                throw new BadRequest(e.getMessage());
            }
        }
        for (String uri : redirectUris) {
            if (uri == null || !uri.matches("https?://[^\\s#]+") || uri.contains("*")) {
                throw new BadRequest("invalid redirect URI '" + uri + "': an absolute http(s) URI without fragment");
            }
        }
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void record(Actor actor, String action, String thirdPartyId, String clientId, String detail) {
        audit.append(new AuditEvent(
                clock.instant(),
                actor.name(),
                actor.role(),
                action,
                "third-party/" + thirdPartyId + "/connect-clients/" + clientId,
                "third-party:" + thirdPartyId,
                "",
                "",
                "EXECUTED",
                actor.clientAddress(),
                detail));
    }
}
