/**
 * Data minimization: how long each category of data is kept, and the pure plan of what has expired at a given
 * instant, which the store then executes (or reports, in a dry run).
 */
package org.meterguard.core.retention;
