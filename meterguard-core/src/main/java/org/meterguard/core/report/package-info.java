/**
 * The annual privacy report to the regulator (due 120 days after the year's end under the California rules): what
 * went to whom, on which basis, the authorizations granted and revoked, breaches and cut-offs, legal and emergency
 * demands, aggregate releases; assembled from counts and written as CSV. Pure: no Spring, no SQL.
 */
package org.meterguard.core.report;
