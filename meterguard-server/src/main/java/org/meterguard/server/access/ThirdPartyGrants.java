package org.meterguard.server.access;

import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;

/**
 * Green Button Connect's part in the authorization server's authorization-code flow, provided by the module that
 * registers third parties' clients (without such a bean no client gets a code). The authorization server asks it
 * whether a client may ask a customer for a scope at all, records the customer's approval on the consent screen as
 * a customer authorization bound to the OAuth authorization, and names that binding in every token it issues.
 */
public interface ThirdPartyGrants {
    /** The portal page where a customer approves or denies a third party's request. */
    String CONSENT_PAGE = "/portal/connect/consent";

    /** The role a third party's token holds (as {@code ROLE_THIRD_PARTY}); no person or service account holds it. */
    String THIRD_PARTY_ROLE = "THIRD_PARTY";

    /** The JWT claim naming the customer authorization a token was issued under. */
    String AUTHORIZATION_CLAIM = "authorization_id";

    /** Why {@code clientId} may not ask a customer for {@code scopes} now; empty where it may. */
    Optional<String> refusal(String clientId, Set<String> scopes);

    /**
     * Records that {@code customer} approved {@code scopes} for {@code clientId} on {@code accountId}: creates the
     * customer authorization (granted online) and binds it to {@code oauthAuthorizationId}. Returns its id.
     *
     * @throws IllegalArgumentException with the reason, naming no personal data, when the approval cannot be recorded
     */
    String approve(
            String clientId,
            String oauthAuthorizationId,
            Set<String> scopes,
            String accountId,
            Authentication customer,
            String clientAddress);

    /** The customer authorization the OAuth authorization {@code oauthAuthorizationId} was issued under. */
    Optional<String> boundAuthorization(String oauthAuthorizationId);
}
