package org.meterguard.server.access.internal;

import java.time.Duration;
import java.util.function.Supplier;
import org.meterguard.server.access.SignedInUser;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.RequiredFactor;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The factors every authorization rule requires on top of its own (added to each rule through the
 * {@code AuthorizationManagerFactory}): staff, and customers who enrolled TOTP, need {@code FACTOR_PASSWORD} and
 * {@code FACTOR_TOTP}; other customers the password; each factor counts for the absolute session timeout after it
 * was given. A service account's bearer token needs the scope its request calls for ({@link ServiceScopes}).
 */
final class RequiredFactors implements AuthorizationManager<RequestAuthorizationContext> {
    private final AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> passwordAndTotp;
    private final AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> passwordOnly;

    RequiredFactors(Duration absoluteTimeout) {
        RequiredFactor password = RequiredFactor.builder()
                .passwordAuthority()
                .validDuration(absoluteTimeout)
                .build();
        RequiredFactor totp = RequiredFactor.builder()
                .authority(TotpStep.TOTP_AUTHORITY)
                .validDuration(absoluteTimeout)
                .build();
        this.passwordAndTotp = AllRequiredFactorsAuthorizationManager.<RequestAuthorizationContext>builder()
                .requireFactor(password)
                .requireFactor(totp)
                .build();
        this.passwordOnly = AllRequiredFactorsAuthorizationManager.<RequestAuthorizationContext>builder()
                .requireFactor(password)
                .build();
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        if (caller instanceof JwtAuthenticationToken token) {
            return new AuthorizationDecision(ServiceScopes.permits(token, context.getRequest()));
        }
        if (caller != null && caller.getPrincipal() instanceof SignedInUser user) {
            return (user.totpRequired() ? passwordAndTotp : passwordOnly).authorize(authentication, context);
        }
        return new AuthorizationDecision(false);
    }
}
