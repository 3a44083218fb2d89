package org.meterguard.server;

import java.util.List;
import org.meterguard.server.access.SignedInUser;
import org.meterguard.server.access.UserKind;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** A customer signed in with every factor, holding one account, as the services see them (tests). */
public final class SignedInCustomers {
    private SignedInCustomers() {}

    /** The customer {@code customer-<accountId>}, holder of {@code accountId}. */
    public static Authentication of(String accountId) {
        SignedInUser user = new SignedInUser(
                "customer-" + accountId,
                null,
                UserKind.CUSTOMER,
                SignedInUser.CUSTOMER_ROLE,
                List.of(accountId),
                false,
                true);
        return new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities());
    }
}
