package org.meterguard.server.access.internal;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * One sign-in step (password or TOTP) behind the {@link SignInThrottle}: a locked name is refused before its
 * credential is even checked, and each failure counts towards the next lockout.
 */
final class ThrottledStep implements AuthenticationProvider {
    private final AuthenticationProvider step;
    private final SignInThrottle throttle;

    ThrottledStep(AuthenticationProvider step, SignInThrottle throttle) {
        this.step = step;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String name = request.getName();
        Optional<java.time.Duration> locked = throttle.lockedFor(name);
        if (locked.isPresent()) {
            throw new SignInLocked(locked.get(), false);
        }
        try {
            return step.authenticate(request);
        } catch (AuthenticationException e) {
            Optional<java.time.Duration> lockout = throttle.failed(name);
            if (lockout.isPresent()) {
                SignInLocked locking = new SignInLocked(lockout.get(), true);
                locking.initCause(e);
                throw locking;
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return step.supports(authentication);
    }
}
