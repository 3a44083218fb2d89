package org.meterguard.server.access;

import java.util.Objects;

/**
 * Who performs an administrative change, as the audit log records it.
 *
 * @param name the signed-in user's name
 * @param role their role
 * @param clientAddress where the request came from
 */
public record Actor(String name, String role, String clientAddress) {
    public Actor {
        Objects.requireNonNull(name, "name");
        role = role == null ? "" : role;
        clientAddress = clientAddress == null ? "" : clientAddress;
    }
}
