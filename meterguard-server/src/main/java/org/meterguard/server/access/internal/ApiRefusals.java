package org.meterguard.server.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The API's answers to unauthenticated and refused requests, as problem details: 401 "sign in" when nobody is
 * signed in (also for a state-changing request without a session, which CSRF protection stops first), 401 "second
 * factor" when the session lacks a factor (or its factor expired), 403 otherwise.
 */
final class ApiRefusals {
    private ApiRefusals() {}

    static AuthenticationEntryPoint signInFirst() {
        return (request, response, exception) -> {
            if (!toPortalSignIn(request, response)) {
                unauthenticated(response, exception);
            }
        };
    }

    /** The portal's pages send a browser that is not (fully) signed in to the portal's sign-in page. */
    private static boolean toPortalSignIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("GET".equals(request.getMethod()) && request.getRequestURI().startsWith("/portal")) {
            response.sendRedirect("/portal/sign-in");
            return true;
        }
        return false;
    }

    /**
     * A bearer token that is invalid, expired, revoked or unknown (a revoked customer authorization or a cut-off
     * party removes its tokens): 401 with {@code WWW-Authenticate: Bearer error="invalid_token"} and a problem detail.
     */
    static AuthenticationEntryPoint invalidToken() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception);
            Problems.write(
                    response,
                    401,
                    "Invalid token",
                    "the bearer token is not valid (" + exception.getMessage()
                            + "); a revoked, expired or cut-off authorization's tokens are refused");
        };
    }

    static AccessDeniedHandler denied() {
        return (request, response, exception) -> {
            if (exception instanceof AuthorizationDeniedException denied
                    && denied.getAuthorizationResult() instanceof FactorAuthorizationDecision factors) {
                missingFactor(request, response, factors);
            } else if (exception instanceof CsrfException && !request.isRequestedSessionIdValid()) {
                unauthenticated(response, null);
            } else if (exception instanceof CsrfException) {
                Problems.write(
                        response,
                        403,
                        "Access denied",
                        "a state-changing request needs the X-CSRF-TOKEN header with the token given at sign-in");
            } else {
                Problems.write(response, 403, "Access denied", "your role does not permit this request");
            }
        };
    }

    private static void unauthenticated(HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        Problems.write(
                response,
                401,
                "Sign-in required",
                "sign in first: POST /api/v1/sign-in with username and password, then /api/v1/sign-in/totp with code");
    }

    private static void missingFactor(
            HttpServletRequest request, HttpServletResponse response, FactorAuthorizationDecision factors)
            throws IOException {
        boolean expired = factors.getFactorErrors().stream().anyMatch(e -> e.isExpired());
        if (expired) {
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            if (toPortalSignIn(request, response)) {
                return;
            }
            Problems.write(response, 401, "Session expired", "the session has reached its time limit; sign in again");
            return;
        }
        if (toPortalSignIn(request, response)) {
            return;
        }
        Problems.write(
                response,
                401,
                "Second factor required",
                "complete sign-in: POST /api/v1/sign-in/totp with the code from your authenticator app"
                        + " (or POST /api/v1/sign-in/totp-enrollment first if you have none)");
    }
}
