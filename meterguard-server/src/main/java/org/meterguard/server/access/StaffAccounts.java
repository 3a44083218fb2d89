package org.meterguard.server.access;

import java.util.List;
import org.meterguard.core.StaffRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Staff accounts: created with a hashed password and one role, loaded by Spring Security at sign-in. */
@Service
public class StaffAccounts implements UserDetailsService {
    static final String ROLE_PREFIX = "ROLE_";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;

    StaffAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    /** Creates an account; fails when the username is taken. */
    public void create(String username, String password, StaffRole role) {
        jdbc.sql("INSERT INTO staff_user (username, password_hash, role) VALUES (?, ?, ?)")
                .params(username, passwordEncoder.encode(password), role.name())
                .update();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash, role, enabled FROM staff_user WHERE username = ?")
                .param(username)
                .query((rs, n) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .authorities(List.of(new SimpleGrantedAuthority(ROLE_PREFIX + rs.getString("role"))))
                        .disabled(!rs.getBoolean("enabled"))
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
