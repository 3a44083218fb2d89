package org.meterguard.server.access;

import java.util.List;
import org.springframework.security.core.Authentication;

/** What a signed-in customer's principal says about them: which accounts are their own. */
public final class CustomerPrincipals {
    /** The role a customer holds in the audit log. */
    public static final String CUSTOMER_ROLE = SignedInUser.CUSTOMER_ROLE;

    /** The purpose recorded for a customer's access to their own data. */
    public static final String OWN_ACCESS = "CUSTOMER_OWN_ACCESS";

    private CustomerPrincipals() {}

    /** The caller's own account ids, sorted; empty for staff, systems and visitors. */
    public static List<String> accountIds(Authentication caller) {
        if (caller == null || !(caller.getPrincipal() instanceof SignedInUser)) {
            return List.of();
        }
        SignedInUser user = (SignedInUser) caller.getPrincipal();
        return user.kind() == UserKind.CUSTOMER
                ? user.accountIds().stream().sorted().toList()
                : List.of();
    }

    /** Whether {@code accountId} is one of the caller's own accounts. */
    public static boolean owns(Authentication caller, String accountId) {
        return accountIds(caller).contains(accountId);
    }
}
