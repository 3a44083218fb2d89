package org.meterguard.server.accounts;

/** The class of service an account takes. */
public enum AccountClass {
    RESIDENTIAL,
    COMMERCIAL
}
