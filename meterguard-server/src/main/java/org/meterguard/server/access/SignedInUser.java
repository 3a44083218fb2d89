package org.meterguard.server.access;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a person who signs in with a password: their name, kind, role ({@code ROLE_<role>} authority;
 * {@code ROLE_CUSTOMER} for customers) and, for a customer, the ids of their own accounts, so that later code can
 * check "own account" from the principal alone. The password hash is erased once the password is checked.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {
    private static final long serialVersionUID = 1L;

    /** The authority prefix of roles. */
    public static final String ROLE_PREFIX = "ROLE_";

    /** The role name a customer holds (customers hold no staff role). */
    public static final String CUSTOMER_ROLE = "CUSTOMER";

    private final String username;
    private String passwordHash;
    private final UserKind kind;
    private final String role;
    private final List<String> accountIds;
    private final boolean totpEnrolled;
    private final boolean enabled;

    public SignedInUser(
            String username,
            String passwordHash,
            UserKind kind,
            String role,
            Collection<String> accountIds,
            boolean totpEnrolled,
            boolean enabled) {
        this.username = Objects.requireNonNull(username, "username");
        this.passwordHash = passwordHash;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.role = Objects.requireNonNull(role, "role");
        this.accountIds = List.copyOf(accountIds);
        this.totpEnrolled = totpEnrolled;
        this.enabled = enabled;
    }

    public UserKind kind() {
        return kind;
    }

    /** The role's name without prefix, e.g. "GRID_OPERATOR" or "CUSTOMER". */
    public String role() {
        return role;
    }

    /** The customer's own account ids; empty for staff. */
    public List<String> accountIds() {
        return accountIds;
    }

    /** True when {@code accountId} is one of this customer's own accounts. */
    public boolean owns(String accountId) {
        return accountIds.contains(accountId);
    }

    public boolean totpEnrolled() {
        return totpEnrolled;
    }

    /** True when signing in takes a TOTP code after the password: always for staff, for customers once enrolled. */
    public boolean totpRequired() {
        return kind == UserKind.STAFF || totpEnrolled;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return Set.of(new SimpleGrantedAuthority(ROLE_PREFIX + role));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInUser u && u.username.equals(username) && u.kind == kind;
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "SignedInUser[" + kind + " " + username + ", " + role + "]";
    }
}
