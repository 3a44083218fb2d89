/**
 * The customer portal: a signed-in customer's own usage (charts at 15-minute, hourly, daily and monthly
 * resolution, import and export, period over period, estimates marked), their meter's outages, their accounts and
 * service points, each read only within their occupancy and audited as the customer's own access.
 */
package org.meterguard.server.portal;
