package org.meterguard.core.access;

/** How much identity a permitted read may show. */
public enum Disclosure {
    /** Meter ids and accounts as stored: the purpose needs to know whose data it is. */
    IDENTIFIED,
    /** Keyed pseudonyms instead of meter ids and no accounts: the purpose needs no identity (e.g. an area). */
    PSEUDONYMIZED,
    /** Nothing: the request was refused. */
    NONE
}
