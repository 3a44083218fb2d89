/**
 * Customers' authorizations for secondary purposes and the decision whether a disclosure to a third party may
 * happen now. One authorization per customer, third party and purpose, with its scope (categories of information,
 * the period of usage, the finest interval), start and expiry, and the mechanism that granted it, which alone can
 * revoke it, with immediate effect. Primary purposes go to contractors bound by contract; a cut-off party receives
 * nothing. Pure rules: no Spring, no SQL.
 */
package org.meterguard.core.consent;
