package org.meterguard.core.consent;

/** Under what a disclosure happens, as the disclosure log records it. */
public enum BasisKind {
    /** The customer's own authorization (secondary purposes). */
    CUSTOMER_AUTHORIZATION,
    /** A contract binding a primary-purpose contractor. */
    CONTRACT,
    /** A subpoena, court order or emergency request from the legal-demand register. */
    LEGAL_DEMAND
}
