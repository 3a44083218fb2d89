/**
 * A customer's usage as they see it: interval values summed into local 15-minute, hourly, daily or monthly
 * buckets, with how many intervals in each were estimated.
 */
package org.meterguard.core.usage;
