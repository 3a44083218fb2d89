package org.meterguard.server.access.internal;

import java.util.List;
import java.util.Optional;
import org.meterguard.server.access.SignedInUser;
import org.meterguard.server.access.UserKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads whoever signs in with a password, staff or customer (one namespace of names), as a {@link SignedInUser}
 * for Spring Security's {@code DaoAuthenticationProvider}.
 */
@Component
public class SignInUsers implements UserDetailsService {
    private final JdbcClient jdbc;

    SignInUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SignedInUser loadUserByUsername(String username) {
        return staff(username)
                .or(() -> customer(username))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    private Optional<SignedInUser> staff(String username) {
        return jdbc.sql("""
                        SELECT username, password_hash, role, enabled,
                               EXISTS (SELECT 1 FROM user_totp t WHERE t.username = s.username) AS enrolled
                        FROM staff_user s WHERE username = ?""")
                .param(username)
                .query((rs, n) -> new SignedInUser(
                        rs.getString("username"),
                        rs.getString("password_hash"),
                        UserKind.STAFF,
                        rs.getString("role"),
                        List.of(),
                        rs.getBoolean("enrolled"),
                        rs.getBoolean("enabled")))
                .optional();
    }

    private Optional<SignedInUser> customer(String username) {
        return jdbc.sql("""
                        SELECT username, password_hash, enabled,
                               EXISTS (SELECT 1 FROM user_totp t WHERE t.username = c.username) AS enrolled
                        FROM customer_user c WHERE username = ?""")
                .param(username)
                .query((rs, n) -> new SignedInUser(
                        rs.getString("username"),
                        rs.getString("password_hash"),
                        UserKind.CUSTOMER,
                        SignedInUser.CUSTOMER_ROLE,
                        accountIds(username),
                        rs.getBoolean("enrolled"),
                        rs.getBoolean("enabled")))
                .optional();
    }

    private List<String> accountIds(String username) {
        return jdbc.sql("SELECT account_id FROM customer_user_account WHERE username = ? ORDER BY account_id")
                .param(username)
                .query(String.class)
                .list();
    }

    /** True while {@code user}'s account is still enabled with the same role it signed in with. */
    public boolean stillCurrent(SignedInUser user) {
        String table = user.kind() == UserKind.STAFF ? "staff_user" : "customer_user";
        String role = user.kind() == UserKind.STAFF ? "role" : "'" + SignedInUser.CUSTOMER_ROLE + "'";
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE username = ? AND enabled AND " + role + " = ?")
                        .params(user.getUsername(), user.role())
                        .query(Long.class)
                        .single()
                == 1;
    }
}
