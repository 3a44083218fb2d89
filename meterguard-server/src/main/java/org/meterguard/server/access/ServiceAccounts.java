package org.meterguard.server.access;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.meterguard.core.StaffRole;
import org.meterguard.server.access.internal.IdentityAudit;
import org.meterguard.server.access.internal.ServiceAccountSettings;
import org.meterguard.server.access.internal.ServiceScopes;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;

/**
 * Service accounts for systems (a billing system, an MDM import): OAuth 2.0 clients of our authorization server
 * with the client-credentials grant, each mapped to one staff role and a set of scopes. A system obtains a JWT from
 * {@code POST /oauth2/token} ({@code grant_type=client_credentials}, HTTP Basic with its id and secret) and sends
 * it as {@code Authorization: Bearer}. The role decides as for staff (URL rules, the policy decision point with a
 * purpose); the scopes narrow which endpoints the token reaches at all (see {@code ServiceScopes}). Privacy
 * training is a person's: a system's covered reads are not asked for it (the administrator who registered the account,
 * in the audit log, answers for it), and everything else of its role is.
 */
@Service
public class ServiceAccounts {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwordEncoder;
    private final IdentityAudit audit;
    private final IdentityProperties properties;

    ServiceAccounts(
            RegisteredClientRepository clients,
            PasswordEncoder passwordEncoder,
            IdentityAudit audit,
            IdentityProperties properties) {
        this.clients = clients;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.properties = properties;
    }

    /** The scopes a service account may hold. */
    public static Set<String> scopes() {
        return Set.copyOf(ServiceScopes.ALL);
    }

    /**
     * Registers {@code clientId} acting as {@code role} with {@code scopes}; returns its secret, shown this once.
     * No service account administers: {@link StaffRole#ADMINISTRATOR} is refused.
     */
    public ServiceCredentials register(String clientId, StaffRole role, Set<String> scopes, Actor administrator) {
        Usernames.requireValid(clientId);
        if (role == StaffRole.ADMINISTRATOR) {
            throw new IllegalArgumentException("a service account cannot be an administrator");
        }
        if (scopes.isEmpty() || !ServiceScopes.ALL.containsAll(scopes)) {
            throw new IllegalArgumentException("invalid scopes " + scopes + "; choose from " + ServiceScopes.ALL);
        }
        if (clients.findByClientId(clientId) != null) {
            throw new IllegalArgumentException("the service account '" + clientId + "' exists");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientName(clientId)
                .clientSecret(passwordEncoder.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(s -> s.addAll(scopes))
                .clientSettings(ClientSettings.builder()
                        .setting(ServiceAccountSettings.ROLE, role.name())
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(properties.tokenLifetime())
                        .build())
                .build());
        audit.record(
                "service-account-registered",
                administrator.name(),
                administrator.role(),
                clientId,
                true,
                administrator.clientAddress(),
                "role " + role + ", scopes " + String.join(" ", scopes));
        return new ServiceCredentials(clientId, secret);
    }
}
