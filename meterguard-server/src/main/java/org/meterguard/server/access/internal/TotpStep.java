package org.meterguard.server.access.internal;

import java.util.List;
import org.meterguard.server.access.TotpFactors;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * Checks a TOTP code for the user whose password was accepted in this session. The result carries only the
 * {@code FACTOR_TOTP} authority; Spring Security's multi-factor filter merges it with the password step's
 * authorities (role and {@code FACTOR_PASSWORD}).
 */
final class TotpStep implements AuthenticationProvider {
    /** The authority of the TOTP factor. */
    static final String TOTP_AUTHORITY = "FACTOR_TOTP";

    private final TotpFactors totp;

    TotpStep(TotpFactors totp) {
        this.totp = totp;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        TotpCode request = (TotpCode) authentication;
        String code = (String) request.getCredentials();
        if (code == null || !totp.verify(request.getName(), code)) {
            throw new BadCredentialsException("the code is wrong, expired or already used");
        }
        return UsernamePasswordAuthenticationToken.authenticated(
                request.getPrincipal(), null, List.of(FactorGrantedAuthority.fromAuthority(TOTP_AUTHORITY)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return TotpCode.class.isAssignableFrom(authentication);
    }
}
