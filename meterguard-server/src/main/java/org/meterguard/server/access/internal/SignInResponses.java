package org.meterguard.server.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.meterguard.server.access.IdentityProperties;
import org.meterguard.server.access.SignedInUser;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * What the sign-in steps answer, and what they audit. A failure never says whether the name exists or which
 * credential was wrong; only a lockout is told apart, and it is reached the same way for any name.
 */
@Component
public class SignInResponses {
    private final IdentityAudit audit;
    private final SignInThrottle throttle;
    private final IdentityProperties properties;

    SignInResponses(IdentityAudit audit, SignInThrottle throttle, IdentityProperties properties) {
        this.audit = audit;
        this.throttle = throttle;
        this.properties = properties;
    }

    /** After the password: signed in, or told the next step (TOTP code, or TOTP enrollment first). */
    AuthenticationSuccessHandler password() {
        return (request, response, authentication) -> {
            SignedInUser user = (SignedInUser) authentication.getPrincipal();
            request.getSession()
                    .setMaxInactiveInterval((int) properties.idleTimeout().toSeconds());
            String next = null;
            if (!user.totpRequired()) {
                completed(request, user, "password");
            } else {
                next = user.totpEnrolled() ? "totp" : "totp-enrollment";
            }
            answer(request, response, user, next);
        };
    }

    /** After the TOTP code: signed in. */
    AuthenticationSuccessHandler totp() {
        return (request, response, authentication) -> {
            SignedInUser user = (SignedInUser) authentication.getPrincipal();
            completed(request, user, "password and TOTP");
            answer(request, response, user, null);
        };
    }

    /** A refused step: audited with its reason, answered without one. */
    AuthenticationFailureHandler failure() {
        return (request, response, exception) -> {
            String name = attemptedName(request);
            String address = ClientAddress.of(request);
            if (exception instanceof SignInLocked locked) {
                if (locked.lockedNow()) {
                    audit.record("sign-in", name, "", name, false, address, reason(request, exception) + "; locked");
                }
                audit.record("sign-in-locked", name, "", name, false, address, exception.getMessage());
                response.setHeader(
                        "Retry-After",
                        Long.toString(Math.max(1, locked.remaining().toSeconds())));
                Problems.write(response, 401, "Sign-in locked", exception.getMessage());
                return;
            }
            audit.record("sign-in", name, "", name, false, address, reason(request, exception));
            Problems.write(response, 401, "Sign-in failed", "the name, password or code is wrong");
        };
    }

    private void completed(HttpServletRequest request, SignedInUser user, String factors) {
        throttle.succeeded(user.getUsername());
        audit.record(
                "sign-in",
                user.getUsername(),
                user.role(),
                user.getUsername(),
                true,
                ClientAddress.of(request),
                "signed in with " + factors);
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, SignedInUser user, String next)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", user.getUsername());
        body.put("kind", user.kind().name());
        body.put("role", user.role());
        body.put("signedIn", next == null);
        body.put("next", next == null ? "" : next);
        body.put("csrfToken", csrfToken(request));
        Problems.json(response, body);
    }

    /** The CSRF token to send back as {@code X-CSRF-TOKEN} on every later state-changing request. */
    static String csrfToken(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? "" : token.getToken();
    }

    private static String attemptedName(HttpServletRequest request) {
        String typed = request.getParameter("username");
        if (typed != null) {
            return typed.length() > 64 ? typed.substring(0, 64) : typed;
        }
        Object pending = request.getAttribute(TotpCodes.NAME_ATTRIBUTE);
        if (pending instanceof String name) {
            return name;
        }
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        return current == null ? "" : current.getName();
    }

    private static String reason(HttpServletRequest request, AuthenticationException exception) {
        if (exception instanceof DisabledException) {
            return "account disabled";
        }
        return request.getRequestURI().endsWith("/totp") ? "wrong, expired or reused TOTP code" : "bad credentials";
    }
}
