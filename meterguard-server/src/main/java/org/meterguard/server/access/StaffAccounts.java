package org.meterguard.server.access;

import java.util.List;
import java.util.Optional;
import org.meterguard.core.StaffRole;
import org.meterguard.server.access.internal.IdentityAudit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: an Argon2id password hash, one role, a TOTP second factor, enabled until disabled. Changes are
 * audited ({@code user-created}, {@code role-changed}, {@code user-disabled}); an administrator cannot change
 * their own role or disable themselves (separation of duties: managing users must not become a way to read data).
 */
@Service
public class StaffAccounts {
    /** The authority prefix of roles. */
    static final String ROLE_PREFIX = SignedInUser.ROLE_PREFIX;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final TotpFactors totp;
    private final IdentityAudit audit;

    StaffAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, TotpFactors totp, IdentityAudit audit) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.totp = totp;
        this.audit = audit;
    }

    /** One staff member as administrators see them (no secrets). */
    public record StaffMember(String username, StaffRole role, boolean enabled, boolean totpEnrolled) {}

    /**
     * Creates an account without a second factor (its user enrolls at first sign-in, or {@link #enrollTotp} does
     * it now); fails when the name is taken by staff or a customer.
     */
    @Transactional
    public void create(String username, String password, StaffRole role) {
        Usernames.requireValid(username);
        Usernames.requireFree(jdbc, username);
        jdbc.sql("INSERT INTO staff_user (username, password_hash, role) VALUES (?, ?, ?)")
                .params(username, passwordEncoder.encode(password), role.name())
                .update();
    }

    /** Creates an account as {@code administrator} did, audited. */
    @Transactional
    public void create(String username, String password, StaffRole role, Actor administrator) {
        create(username, password, role);
        audit.record(
                "user-created",
                administrator.name(),
                administrator.role(),
                username,
                true,
                administrator.clientAddress(),
                "staff, role " + role);
    }

    /** Enrolls the account's TOTP second factor now; the returned URI is the only time its secret is shown. */
    public TotpEnrollment enrollTotp(String username) {
        requireExists(username);
        return totp.enroll(username, username, "");
    }

    /** The account, if there is one. */
    public Optional<StaffMember> find(String username) {
        return jdbc.sql("SELECT username, role, enabled FROM staff_user WHERE username = ?")
                .param(username)
                .query((rs, n) -> new StaffMember(
                        rs.getString("username"),
                        StaffRole.valueOf(rs.getString("role")),
                        rs.getBoolean("enabled"),
                        totp.enrolled(username)))
                .optional();
    }

    /** Every account, by name. */
    public List<StaffMember> list() {
        return jdbc.sql(
                        "SELECT username, role, enabled, EXISTS (SELECT 1 FROM user_totp t WHERE t.username = s.username)"
                                + " AS enrolled FROM staff_user s ORDER BY username")
                .query((rs, n) -> new StaffMember(
                        rs.getString("username"),
                        StaffRole.valueOf(rs.getString("role")),
                        rs.getBoolean("enabled"),
                        rs.getBoolean("enrolled")))
                .list();
    }

    /** Gives {@code username} another role; refused for one's own account. Sessions of the user end. */
    @Transactional
    public void changeRole(String username, StaffRole role, Actor administrator) {
        refuseSelf(username, administrator, "change their own role");
        StaffRole before = requireExists(username).role();
        jdbc.sql("UPDATE staff_user SET role = ? WHERE username = ?")
                .params(role.name(), username)
                .update();
        audit.record(
                "role-changed",
                administrator.name(),
                administrator.role(),
                username,
                true,
                administrator.clientAddress(),
                before + " -> " + role);
    }

    /** Disables (terminates) {@code username}: no further sign-in, and their sessions end at the next request. */
    @Transactional
    public void disable(String username, Actor administrator) {
        refuseSelf(username, administrator, "disable their own account");
        requireExists(username);
        jdbc.sql("UPDATE staff_user SET enabled = false, disabled_at = now() WHERE username = ?")
                .param(username)
                .update();
        audit.record(
                "user-disabled",
                administrator.name(),
                administrator.role(),
                username,
                true,
                administrator.clientAddress(),
                "staff account disabled");
    }

    /** Removes {@code username}'s TOTP secret; they enroll a new one at their next sign-in. */
    @Transactional
    public void resetTotp(String username, Actor administrator) {
        refuseSelf(username, administrator, "reset their own second factor");
        requireExists(username);
        totp.reset(username, administrator.name(), administrator.role(), administrator.clientAddress());
    }

    private StaffMember requireExists(String username) {
        return find(username).orElseThrow(() -> new UserNotFound(username));
    }

    private void refuseSelf(String username, Actor administrator, String what) {
        if (username.equals(administrator.name())) {
            audit.record(
                    "user-change-refused",
                    administrator.name(),
                    administrator.role(),
                    username,
                    false,
                    administrator.clientAddress(),
                    "an administrator may not " + what);
            throw new AccessDenied("separation of duties: an administrator may not " + what);
        }
    }
}
