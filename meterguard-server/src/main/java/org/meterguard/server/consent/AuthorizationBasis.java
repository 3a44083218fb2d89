package org.meterguard.server.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.meterguard.core.TimeRange;
import org.meterguard.core.access.BasisCheck;
import org.meterguard.core.consent.AuthorizationStatus;
import org.meterguard.core.consent.CustomerAuthorization;
import org.meterguard.core.consent.InformationCategory;
import org.meterguard.server.access.CustomerAuthorizations;
import org.springframework.stereotype.Component;

/**
 * The customer authorizations register as access control checks a declared one (the basis of a secondary-purpose
 * read): VALID only where the authorization is ACTIVE now and covers interval usage over the whole period for every
 * account read.
 */
@Component
class AuthorizationBasis implements CustomerAuthorizations {
    private final Authorizations authorizations;
    private final Clock clock = Clock.systemUTC();

    AuthorizationBasis(Authorizations authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public BasisCheck.Status check(String authorizationId, String reader, List<String> accounts, TimeRange period) {
        Optional<CustomerAuthorization> found = authorizations.find(authorizationId);
        if (found.isEmpty()) {
            return BasisCheck.Status.UNKNOWN;
        }
        Instant now = clock.instant();
        if (found.get().statusAt(now) != AuthorizationStatus.ACTIVE) {
            return BasisCheck.Status.CLOSED;
        }
        boolean coversAll = !accounts.isEmpty()
                && accounts.stream().allMatch(account -> authorizations
                        .validById(authorizationId, account, InformationCategory.INTERVAL_USAGE, period, now)
                        .isPresent());
        return coversAll ? BasisCheck.Status.VALID : BasisCheck.Status.OTHER_RESOURCE;
    }
}
