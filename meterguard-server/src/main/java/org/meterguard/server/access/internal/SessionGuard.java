package org.meterguard.server.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.meterguard.server.access.SignedInUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session (invalidated, the request then treated as anonymous) when it has lasted longer than
 * the absolute timeout since the password was given, or when its user has since been disabled or given another
 * role. The idle timeout is the servlet session's own inactivity limit, set at sign-in.
 */
final class SessionGuard extends OncePerRequestFilter {
    private final Duration absoluteTimeout;
    private final SignInUsers users;
    private final Clock clock = Clock.systemUTC();

    SessionGuard(Duration absoluteTimeout, SignInUsers users) {
        this.absoluteTimeout = absoluteTimeout;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null && caller != null && caller.getPrincipal() instanceof SignedInUser user) {
            if (expired(caller) || !users.stillCurrent(user)) {
                session.invalidate();
                SecurityContextHolder.clearContext();
            }
        }
        chain.doFilter(request, response);
    }

    private boolean expired(Authentication caller) {
        Instant now = clock.instant();
        for (GrantedAuthority authority : caller.getAuthorities()) {
            if (authority instanceof FactorGrantedAuthority factor
                    && FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(factor.getAuthority())) {
                return factor.getIssuedAt().plus(absoluteTimeout).isBefore(now);
            }
        }
        return false;
    }
}
