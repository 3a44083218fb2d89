package org.meterguard.core.access;

/**
 * One action a member of staff may be allowed to take. Reads of covered information (usage or grid data that can be
 * tied to a customer) are marked {@link #coveredRead()}: they also need a purpose, a basis where the purpose asks
 * for one, resource ACLs and current privacy training. No permission alters or deletes the audit log: there is
 * none to grant.
 */
public enum Permission {
    /** Interval readings (usage) of a meter or account. */
    READ_USAGE(true),
    /** Outages, voltage, diagnostics and reliability of meters and areas. */
    READ_GRID_DATA(true),
    /** Edit single intervals, keeping the original as a revision. */
    EDIT_READINGS(false),
    /** Validate and estimate a meter's day now. */
    RUN_VEE(false),
    /** The data-quality report (meters with gaps, estimates, failed checks). */
    READ_VEE_REPORT(false),
    /** The retention dry run. */
    READ_RETENTION_PLAN(false),
    /** Run retention now: drop, rewrite and shred what has expired. */
    RUN_RETENTION(false),
    /** Tamper, theft and health alerts about devices. */
    READ_ALERTS(false),
    /** Close an alert. */
    CLOSE_ALERTS(false),
    /** Read the audit log and its proofs (never change it). */
    READ_AUDIT_LOG(false),
    /** Who accessed one customer's covered information, as the customer would see it (privacy inquiries). */
    READ_ACCESS_HISTORY(false),
    /** Operational metrics of the application. */
    READ_METRICS(false),
    /** Create and disable staff users and set their roles. */
    MANAGE_USERS(false),
    /** Assign representatives their territories and account queues (the ACLs on accounts). */
    MANAGE_ASSIGNMENTS(false),
    /** Open, assign and close work orders on meters (the ACLs of field technicians). */
    MANAGE_WORK_ORDERS(false),
    /** Record and close a customer's service requests. */
    MANAGE_SERVICE_REQUESTS(false),
    /** Register legal demands (subpoenas, court orders, emergencies), notices, contests and releases under them. */
    MANAGE_LEGAL_DEMANDS(false),
    /** The legal-demand register: demands, notices given, releases made (oversight; no usage data). */
    READ_LEGAL_DEMANDS(false),
    /** The annual privacy report (counts of disclosures, authorizations, breaches, cut-offs, demands, aggregates). */
    READ_PRIVACY_REPORT(false),
    /** Record staff's privacy training. */
    MANAGE_TRAINING(false),
    /** The third-party registry (contracts, breaches) and the disclosure log. */
    READ_THIRD_PARTIES(false),
    /** Register third parties, their contracts, breaches and cut-offs; authorization reminders. */
    MANAGE_THIRD_PARTIES(false),
    /** Record a customer's signed authorization or its revocation, as the customer's representative takes it. */
    RECORD_AUTHORIZATIONS(false),
    /** An account's authorizations (who may receive its data, for what, until when). */
    READ_AUTHORIZATIONS(false),
    /** Aggregate releases already made. */
    READ_AGGREGATES(false),
    /** Release an aggregate under the anonymity policy. */
    RELEASE_AGGREGATES(false),
    /** Publish privacy notice versions and read the notice log. */
    MANAGE_PRIVACY_NOTICES(false),
    /** Unusual-activity detection: flagged accounts and the security report. */
    MANAGE_DETECTION(false);

    private final boolean coveredRead;

    Permission(boolean coveredRead) {
        this.coveredRead = coveredRead;
    }

    /** True for reads of covered information, which are decided per purpose, basis, ACL and training. */
    public boolean coveredRead() {
        return coveredRead;
    }
}
