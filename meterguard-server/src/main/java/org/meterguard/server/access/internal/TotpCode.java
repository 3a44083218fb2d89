package org.meterguard.server.access.internal;

import java.util.List;
import org.meterguard.server.access.SignedInUser;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request to complete sign-in with a TOTP code, by the user whose password was accepted in this session. */
final class TotpCode extends AbstractAuthenticationToken {
    private static final long serialVersionUID = 1L;

    private final SignedInUser user;
    private final transient String code;

    TotpCode(SignedInUser user, String code) {
        super(List.of());
        this.user = user;
        this.code = code;
        setAuthenticated(false);
    }

    @Override
    public String getName() {
        return user.getUsername();
    }

    @Override
    public Object getCredentials() {
        return code;
    }

    @Override
    public SignedInUser getPrincipal() {
        return user;
    }
}
