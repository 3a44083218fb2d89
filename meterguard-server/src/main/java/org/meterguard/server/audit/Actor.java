package org.meterguard.server.audit;

import java.util.Objects;

/**
 * Who does something, as an audit entry names them: the principal's name, its role, and the address it called from.
 *
 * @param name the principal (a staff username, {@code customer:<account>}, {@code third-party:<id>}, or a job)
 * @param role its role (e.g. PRIVACY_OFFICER); may be empty
 * @param clientAddress where the request came from; empty for jobs
 */
public record Actor(String name, String role, String clientAddress) {
    public Actor {
        Objects.requireNonNull(name, "name");
        role = role == null ? "" : role;
        clientAddress = clientAddress == null ? "" : clientAddress;
        if (name.isBlank()) {
            throw new IllegalArgumentException("an actor has a name");
        }
    }
}
