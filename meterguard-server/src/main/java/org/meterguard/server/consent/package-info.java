/**
 * Customers' authorizations for secondary purposes and every disclosure to third parties. Authorizations are
 * granted online by the customer or from a signed form entered by a representative, and revoked only the same way,
 * with immediate effect. {@link org.meterguard.server.consent.Disclosures} decides each disclosure under the pure
 * rules ({@code core.consent}), audits the decision, and writes the disclosure log for every release.
 */
package org.meterguard.server.consent;
