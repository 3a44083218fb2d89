package org.meterguard.server.access.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.meterguard.server.access.SignedInUser;
import org.meterguard.server.access.TotpEnrollment;
import org.meterguard.server.access.TotpFactors;
import org.meterguard.server.access.internal.ClientAddress;
import org.meterguard.server.web.BadRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The parts of signing in that are plain requests: enrolling a TOTP secret after the password (for a user who has
 * none yet), and "who am I" for a signed-in session.
 */
@RestController
class SignInController {
    private final TotpFactors totp;

    SignInController(TotpFactors totp) {
        this.totp = totp;
    }

    /** Issues a TOTP secret to the user whose password this session accepted, if they have none; shown once. */
    @PostMapping("/api/v1/sign-in/totp-enrollment")
    Map<String, String> enroll(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request) {
        if (user == null) {
            throw new BadRequest("sign in with your password first");
        }
        if (totp.enrolled(user.getUsername())) {
            throw new BadRequest("a TOTP secret is enrolled already; an administrator can reset it");
        }
        TotpEnrollment enrollment = totp.enroll(user.getUsername(), user.getUsername(), ClientAddress.of(request));
        return Map.of(
                "otpauthUri",
                enrollment.otpauthUri().toString(),
                "next",
                "POST /api/v1/sign-in/totp with a code from the authenticator app");
    }

    /** The signed-in user: name, kind, role, own account ids (customers), and the CSRF token for later requests. */
    @GetMapping("/api/v1/me")
    Map<String, Object> me(Authentication caller, CsrfToken csrf) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!(caller.getPrincipal() instanceof SignedInUser user)) {
            body.put("username", caller.getName());
            body.put("kind", "SERVICE");
            body.put(
                    "authorities",
                    caller.getAuthorities().stream()
                            .map(a -> a.getAuthority())
                            .sorted()
                            .toList());
            return body;
        }
        body.put("username", user.getUsername());
        body.put("kind", user.kind().name());
        body.put("role", user.role());
        body.put("accountIds", user.accountIds());
        body.put("csrfToken", csrf.getToken());
        return body;
    }
}
