package org.meterguard.server.access;

/** An administrative change names a user that does not exist. */
public class UserNotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserNotFound(String username) {
        super("no user named '" + username + "'");
    }
}
