package org.meterguard.server.access;

import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Staff and customers share one namespace of user names: letters, digits, '.', '_', '-', '@'; 1 to 64. */
final class Usernames {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private Usernames() {}

    static void requireValid(String username) {
        if (username == null || !VALID.matcher(username).matches()) {
            throw new IllegalArgumentException(
                    "invalid user name '" + username + "'; use 1 to 64 letters, digits, '.', '_', '-' or '@'");
        }
    }

    static void requireFree(JdbcClient jdbc, String username) {
        long taken = jdbc.sql("SELECT (SELECT count(*) FROM staff_user WHERE username = ?)"
                        + " + (SELECT count(*) FROM customer_user WHERE username = ?)")
                .params(username, username)
                .query(Long.class)
                .single();
        if (taken > 0) {
            throw new IllegalArgumentException("the user name '" + username + "' is taken");
        }
    }
}
