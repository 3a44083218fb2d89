package org.meterguard.server.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.meterguard.server.access.SignedInUser;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads the second step of a sign-in: the {@code code} parameter, for the user whose password this session
 * accepted. Without that, there is nothing to complete.
 */
final class TotpCodes implements AuthenticationConverter {
    /** Request attribute naming whose code was tried, for the audit of a failure. */
    static final String NAME_ATTRIBUTE = TotpCodes.class.getName() + ".name";

    @Override
    public Authentication convert(HttpServletRequest request) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null
                || !(current.getPrincipal() instanceof SignedInUser user)
                || current.getAuthorities().stream()
                        .noneMatch(a -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(a.getAuthority()))) {
            throw new BadCredentialsException("no password was accepted in this session; sign in with it first");
        }
        request.setAttribute(NAME_ATTRIBUTE, user.getUsername());
        return new TotpCode(user, request.getParameter("code"));
    }
}
