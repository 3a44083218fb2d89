/**
 * The meter data store: interval readings kept as one row per meter, channel and day, merged idempotently, and
 * read back for a time range.
 */
package org.meterguard.server.readings;
