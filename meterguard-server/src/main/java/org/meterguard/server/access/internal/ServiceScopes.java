package org.meterguard.server.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.meterguard.server.access.ThirdPartyGrants;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What a service account's scopes let it call. A bearer token reaches only the endpoints listed here, and only
 * with the scope listed; everything else is refused whatever role the account maps to. The role still applies on
 * top (URL rules and the policy decision point), so a scope narrows a role and never widens it.
 *
 * <pre>
 * readings.read   GET  /api/v1/meters/{id}/readings   e.g. a billing system (role BILLING_ANALYST, purpose BILLING)
 * vee.read        GET  /api/v1/vee/**                  data-quality reports
 * </pre>
 *
 * A third party's Green Button Connect token (one that names the customer authorization it was issued under)
 * reaches only {@code GET /espi/1_1/resource/**}, and no service account's token reaches that.
 */
public final class ServiceScopes {
    /** The scopes a service account may be registered with. */
    public static final List<String> ALL = List.of("readings.read", "vee.read");

    private record Rule(RequestMatcher matcher, String scope) {}

    private static final List<Rule> RULES = List.of(
            new Rule(
                    PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/api/v1/meters/*/readings"),
                    "readings.read"),
            new Rule(PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/api/v1/vee/**"), "vee.read"));

    private static final RequestMatcher ESPI =
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/espi/1_1/resource/**");

    private ServiceScopes() {}

    static boolean permits(JwtAuthenticationToken token, HttpServletRequest request) {
        boolean connect = token.getToken().hasClaim(ThirdPartyGrants.AUTHORIZATION_CLAIM);
        if (connect || ESPI.matches(request)) {
            return connect && ESPI.matches(request);
        }
        return RULES.stream()
                .filter(rule -> rule.matcher().matches(request))
                .anyMatch(rule -> token.getAuthorities().stream()
                        .anyMatch(a -> ("SCOPE_" + rule.scope()).equals(a.getAuthority())));
    }
}
