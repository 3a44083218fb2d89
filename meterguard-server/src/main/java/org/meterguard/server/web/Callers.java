package org.meterguard.server.web;

import jakarta.servlet.http.HttpServletRequest;
import org.meterguard.server.audit.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who is calling, as audit entries name them: the principal's name and its role (without Spring's prefix). */
public final class Callers {
    private static final String ROLE_PREFIX = "ROLE_";

    private Callers() {}

    /** The caller's first role, e.g. {@code PRIVACY_OFFICER}; empty when it has none. */
    public static String role(Authentication caller) {
        return caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith(ROLE_PREFIX))
                .map(a -> a.substring(ROLE_PREFIX.length()))
                .findFirst()
                .orElse("");
    }

    /** The caller as an audit actor. */
    public static Actor actor(Authentication caller, HttpServletRequest request) {
        return new Actor(caller.getName(), role(caller), request.getRemoteAddr());
    }
}
