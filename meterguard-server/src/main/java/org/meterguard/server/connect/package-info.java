/**
 * Green Button Connect My Data: third parties' OAuth clients, the customer's approval on the consent screen recorded
 * as a customer authorization bound to the OAuth authorization, the ESPI REST resources released under it (decided,
 * audited and logged as disclosures on every request), and the removal of tokens when the customer revokes or the
 * party is cut off.
 */
package org.meterguard.server.connect;
