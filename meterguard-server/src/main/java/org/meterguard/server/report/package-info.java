/**
 * The annual privacy report: for a chosen year, counted from the registers as they stand (third parties and
 * contracts, the disclosure log, customers' authorizations, breaches and cut-offs, legal demands, aggregate
 * releases, refused disclosures in the audit projection), assembled by {@code core.report}; its staff page and its
 * downloadable file (JSON, CSV). Read-only: these queries read other modules' tables and write nothing.
 */
package org.meterguard.server.report;
