package org.meterguard.server.access;

/** What kind of party signed in: a member of staff, a customer, or a system with a service account. */
public enum UserKind {
    /** Staff: password and TOTP, one {@link org.meterguard.core.StaffRole}. */
    STAFF,
    /** A customer: password (TOTP when they enrolled one), linked to their own accounts only. */
    CUSTOMER,
    /** A system: OAuth 2.0 client credentials, a bearer JWT with scopes, mapped to one staff role. */
    SERVICE
}
