package org.meterguard.server.access;

import java.util.List;
import org.meterguard.server.access.internal.IdentityAudit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers as users: a name and an Argon2id password hash, linked to their own customer accounts. A customer
 * signs in with the password, and with a TOTP code too once they enrolled one; their principal
 * ({@link SignedInUser}) carries the linked account ids and the role {@code CUSTOMER}.
 */
@Service
public class CustomerUsers {
    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final TotpFactors totp;
    private final IdentityAudit audit;

    CustomerUsers(JdbcClient jdbc, PasswordEncoder passwordEncoder, TotpFactors totp, IdentityAudit audit) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.totp = totp;
        this.audit = audit;
    }

    /** Creates a customer user linked to {@code accountIds} (which must exist); fails when the name is taken. */
    @Transactional
    public void create(String username, String password, List<String> accountIds, Actor creator) {
        Usernames.requireValid(username);
        Usernames.requireFree(jdbc, username);
        jdbc.sql("INSERT INTO customer_user (username, password_hash) VALUES (?, ?)")
                .params(username, passwordEncoder.encode(password))
                .update();
        for (String accountId : accountIds) {
            link(username, accountId);
        }
        audit.record(
                "user-created",
                creator.name(),
                creator.role(),
                username,
                true,
                creator.clientAddress(),
                "customer, accounts " + String.join(",", accountIds));
    }

    /** Links one more of the customer's own accounts. */
    @Transactional
    public void link(String username, String accountId) {
        jdbc.sql("INSERT INTO customer_user_account (username, account_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(username, accountId)
                .update();
    }

    /** The ids of the accounts linked to {@code username}, sorted. */
    public List<String> accountIds(String username) {
        return jdbc.sql("SELECT account_id FROM customer_user_account WHERE username = ? ORDER BY account_id")
                .param(username)
                .query(String.class)
                .list();
    }

    /** Enrolls the customer's optional TOTP second factor; from then on they sign in with it. */
    public TotpEnrollment enrollTotp(String username) {
        return totp.enroll(username, username, "");
    }
}
