package org.meterguard.server.access;

import java.util.List;
import org.springframework.security.core.Authentication;

/** What a signed-in customer's principal says about them: which accounts are their own. */
public final class CustomerPrincipals {
    /** The role a customer holds in the audit log. */
    public static final String CUSTOMER_ROLE = "CUSTOMER";

    /** The purpose recorded for a customer's access to their own data. */
    public static final String OWN_ACCESS = "CUSTOMER_OWN_ACCESS";

    /** The authority prefix naming one of a customer's own accounts (until sign-in carries a richer principal). */
    static final String ACCOUNT_PREFIX = "ACCOUNT_";

    private CustomerPrincipals() {}

    /**
     * The caller's own account ids, sorted; empty for staff and systems. A customer who signed in carries them in
     * their {@link SignedInUser} principal; {@code ACCOUNT_<id>} authorities are read otherwise.
     */
    public static List<String> accountIds(Authentication caller) {
        if (caller == null) {
            return List.of();
        }
        if (caller.getPrincipal() instanceof SignedInUser user) {
            return user.accountIds();
        }
        return caller.getAuthorities().stream()
                .map(a -> a.getAuthority())
                .filter(a -> a != null && a.startsWith(ACCOUNT_PREFIX))
                .map(a -> a.substring(ACCOUNT_PREFIX.length()))
                .sorted()
                .toList();
    }

    /** Whether {@code accountId} is one of the caller's own accounts. */
    public static boolean owns(Authentication caller, String accountId) {
        return accountIds(caller).contains(accountId);
    }
}
