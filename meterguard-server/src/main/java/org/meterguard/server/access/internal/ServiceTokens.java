package org.meterguard.server.access.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.meterguard.server.access.SignedInUser;
import org.meterguard.server.access.ThirdPartyGrants;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Checks the bearer tokens of service accounts: a JWT signed by our authorization server, still recorded there
 * (a revoked token or a removed client's token is refused on the very next request), its {@code scope} claim as
 * {@code SCOPE_x} authorities and its {@code role} claim as {@code ROLE_x}; a third party's Green Button Connect token
 * (one naming the customer authorization it was issued under) holds {@code ROLE_THIRD_PARTY}. The token's subject (the client id) is
 * the caller's name in the audit log.
 */
@Component
public class ServiceTokens {
    /** The JWT claim carrying the service account's role. */
    public static final String ROLE_CLAIM = "role";

    private final JwtDecoder decoder;
    private final OAuth2AuthorizationService authorizations;

    ServiceTokens(JwtDecoder decoder, OAuth2AuthorizationService authorizations) {
        this.decoder = decoder;
        this.authorizations = authorizations;
    }

    AuthenticationManager authenticationManager() {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(this::authentication);
        return new ProviderManager(provider);
    }

    private JwtAuthenticationToken authentication(Jwt jwt) {
        OAuth2Authorization authorization =
                authorizations.findByToken(jwt.getTokenValue(), OAuth2TokenType.ACCESS_TOKEN);
        if (authorization == null
                || authorization.getAccessToken() == null
                || !authorization.getAccessToken().isActive()) {
            throw new InvalidBearerTokenException("the token has been revoked or is unknown");
        }
        return new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject());
    }

    private static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        Object scope = jwt.getClaims().get("scope");
        if (scope instanceof Collection<?> scopes) {
            scopes.forEach(s -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + s)));
        } else if (scope instanceof String text) {
            for (String s : text.split(" ")) {
                authorities.add(new SimpleGrantedAuthority("SCOPE_" + s));
            }
        }
        if (jwt.hasClaim(ThirdPartyGrants.AUTHORIZATION_CLAIM)) {
            authorities.add(new SimpleGrantedAuthority(SignedInUser.ROLE_PREFIX + ThirdPartyGrants.THIRD_PARTY_ROLE));
        }
        String role = jwt.getClaimAsString(ROLE_CLAIM);
        if (role != null && !role.isBlank() && !SignedInUser.CUSTOMER_ROLE.equals(role)) {
            authorities.add(new SimpleGrantedAuthority(SignedInUser.ROLE_PREFIX + role));
        }
        return authorities;
    }
}
