package org.meterguard.core.access;

/** What a request concerns, which decides how much identity a permitted read may show. */
public enum Scope {
    /** An action that reads no covered information (an edit, a report, an administrative change). */
    ACTION,
    /** One meter or account: data that can be tied to a customer. */
    CUSTOMER,
    /** A feeder, zone or other area: the purpose needs no one's identity, so it gets pseudonyms. */
    AREA
}
