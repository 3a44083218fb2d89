/**
 * Troubleshooting rules over meter data, pure: outages from meters' power-down and power-up events, IEEE 1366
 * reliability indices (SAIDI, SAIFI, CAIDI, MAIFI), and service voltage against ANSI C84.1 ranges A and B.
 */
package org.meterguard.core.grid;
