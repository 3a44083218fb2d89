/**
 * The meter registry: which meters exist, their DLMS system titles and models, their wrapped ciphering keys,
 * and the invocation-counter high-water mark that makes replays detectable.
 */
package org.meterguard.server.meters;
