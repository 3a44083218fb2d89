package org.meterguard.server.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.meterguard.server.access.SignedInUser;
import org.meterguard.server.access.ThirdPartyGrants;
import org.meterguard.server.access.UserKind;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationEndpointConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Green Button Connect's authorization-code flow on the authorization endpoint ({@code /oauth2/authorize}):
 *
 * <ul>
 *   <li>No scope, no code: a request must ask for exactly one scope, and {@link ThirdPartyGrants#refusal} must accept
 *       it for the client (an ESPI scope the client registered, a party in good standing); otherwise the client is
 *       sent {@code invalid_scope}. Service accounts cannot use this grant at all.
 *   <li>Only a customer, fully signed in to the portal, can approve; the consent screen is always shown (a previous
 *       consent never skips it), and approving records a customer authorization bound to the OAuth authorization.
 *   <li>The authorization server keeps the approving customer as a plain name and {@code ROLE_CUSTOMER}, never
 *       their session's principal.
 * </ul>
 */
final class AuthorizationCodeFlow {
    private static final Authentication NOBODY = new AnonymousAuthenticationToken(
            "connect", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private final ObjectProvider<ThirdPartyGrants> grants;
    private final RequiredFactors factors;

    AuthorizationCodeFlow(ObjectProvider<ThirdPartyGrants> grants, RequiredFactors factors) {
        this.grants = grants;
        this.factors = factors;
    }

    void configure(OAuth2AuthorizationEndpointConfigurer endpoint) {
        endpoint.consentPage(ThirdPartyGrants.CONSENT_PAGE)
                .authorizationRequestConverters(converters -> converters.replaceAll(this::customerOnly))
                .authenticationProviders(providers -> providers.forEach(provider -> {
                    if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider code) {
                        code.setAuthenticationValidator(
                                new OAuth2AuthorizationCodeRequestAuthenticationValidator().andThen(this::validate));
                        code.setAuthorizationConsentRequired(context -> true);
                    } else if (provider instanceof OAuth2AuthorizationConsentAuthenticationProvider consent) {
                        consent.setAuthorizationConsentCustomizer(this::approve);
                    }
                }));
    }

    /** The request as converted, its principal the signed-in customer by name only, or nobody. */
    private AuthenticationConverter customerOnly(AuthenticationConverter converter) {
        return request -> {
            Authentication converted = converter.convert(request);
            Authentication principal = customer(request)
                    .<Authentication>map(name -> UsernamePasswordAuthenticationToken.authenticated(
                            name, null, List.of(new SimpleGrantedAuthority("ROLE_" + SignedInUser.CUSTOMER_ROLE))))
                    .orElse(NOBODY);
            if (converted instanceof OAuth2AuthorizationCodeRequestAuthenticationToken code) {
                return new OAuth2AuthorizationCodeRequestAuthenticationToken(
                        code.getAuthorizationUri(),
                        code.getClientId(),
                        principal,
                        code.getRedirectUri(),
                        code.getState(),
                        code.getScopes(),
                        code.getAdditionalParameters());
            }
            if (converted instanceof OAuth2AuthorizationConsentAuthenticationToken consent) {
                return new OAuth2AuthorizationConsentAuthenticationToken(
                        consent.getAuthorizationUri(),
                        consent.getClientId(),
                        principal,
                        consent.getState(),
                        consent.getScopes(),
                        consent.getAdditionalParameters());
            }
            return converted;
        };
    }

    /** The name of the caller when a customer with every sign-in factor their account requires. */
    private Optional<String> customer(HttpServletRequest request) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null
                || !(caller.getPrincipal() instanceof SignedInUser user)
                || user.kind() != UserKind.CUSTOMER) {
            return Optional.empty();
        }
        boolean factorsGiven = factors.authorize(() -> caller, new RequestAuthorizationContext(request))
                .isGranted();
        return factorsGiven ? Optional.of(caller.getName()) : Optional.empty();
    }

    private void validate(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        RegisteredClient client = context.getRegisteredClient();
        Set<String> scopes = request.getScopes();
        ThirdPartyGrants connect = grants.getIfAvailable();
        Optional<String> refusal = scopes.size() != 1
                ? Optional.of("ask for exactly one scope, one of the ESPI scopes registered for " + client.getClientId()
                        + " (asked for " + scopes.size() + ")")
                : connect == null
                        ? Optional.of("Green Button Connect is not available")
                        : connect.refusal(client.getClientId(), scopes);
        if (refusal.isPresent()) {
            String redirect = request.getRedirectUri() != null
                    ? request.getRedirectUri()
                    : client.getRedirectUris().iterator().next();
            throw new OAuth2AuthorizationCodeRequestAuthenticationException(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_SCOPE, refusal.get(), null),
                    new OAuth2AuthorizationCodeRequestAuthenticationToken(
                            request.getAuthorizationUri(),
                            request.getClientId(),
                            (Authentication) request.getPrincipal(),
                            redirect,
                            request.getState(),
                            scopes,
                            request.getAdditionalParameters()));
        }
    }

    /** The customer's decision: approving records the authorization; denying (no scope posted) grants nothing. */
    private void approve(OAuth2AuthorizationConsentAuthenticationContext context) {
        OAuth2AuthorizationConsentAuthenticationToken decision = context.getAuthentication();
        if (decision.getScopes().isEmpty()) {
            context.getAuthorizationConsent().authorities(Set::clear);
            return;
        }
        OAuth2AuthorizationRequest asked = context.getAuthorizationRequest();
        Object account = decision.getAdditionalParameters().get("account");
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        ThirdPartyGrants connect = grants.getIfAvailable();
        try {
            if (connect == null) {
                throw new IllegalArgumentException("Green Button Connect is not available");
            }
            connect.approve(
                    context.getRegisteredClient().getClientId(),
                    context.getAuthorization().getId(),
                    asked.getScopes(),
                    account instanceof String text ? text : "",
                    SecurityContextHolder.getContext().getAuthentication(),
                    ClientAddress.of(request));
        } catch (IllegalArgumentException e) {
            throw new OAuth2AuthorizationCodeRequestAuthenticationException(
                    new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED, e.getMessage(), null),
                    new OAuth2AuthorizationCodeRequestAuthenticationToken(
                            asked.getAuthorizationUri(),
                            asked.getClientId(),
                            (Authentication) decision.getPrincipal(),
                            asked.getRedirectUri(),
                            asked.getState(),
                            asked.getScopes(),
                            Map.of()));
        }
    }
}
