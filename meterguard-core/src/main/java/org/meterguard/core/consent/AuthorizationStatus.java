package org.meterguard.core.consent;

/** Where an authorization stands at a given instant; only ACTIVE is a basis for disclosure. */
public enum AuthorizationStatus {
    /** Granted, but its start lies ahead. */
    PENDING,
    ACTIVE,
    /** Past its expiry. */
    EXPIRED,
    /** Revoked by the customer. */
    REVOKED
}
