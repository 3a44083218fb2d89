package org.meterguard.core.legal;

/**
 * The kinds of legal process and emergency requests under which covered information can be demanded (CPUC
 * D.11-07-056, Rule 6(c) and 6(d)). Each is counted by kind in the annual privacy report.
 */
public enum LegalDemandKind {
    /** A subpoena: before complying, the customer is notified and has time to appear and contest it. */
    SUBPOENA,
    /** A court order naming with specificity the customers whose information is sought. */
    COURT_ORDER,
    /** A search warrant naming the customers. */
    WARRANT,
    /** An order of the Commission itself. */
    COMMISSION_ORDER,
    /** Information for emergency responders in a situation of imminent threat to life or property. */
    EMERGENCY;

    /** True for an emergency request, released at once and only reported. */
    public boolean emergency() {
        return this == EMERGENCY;
    }
}
