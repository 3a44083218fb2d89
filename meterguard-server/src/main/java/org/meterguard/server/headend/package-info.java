/**
 * The head-end: accepts DLMS/COSEM pushes over the IEC 62056-47 TCP wrapper, lets in only frames that are
 * authenticated and encrypted under the sending meter's own keys with a rising invocation counter, stores
 * their readings, and acknowledges each frame only once it is durable.
 */
package org.meterguard.server.headend;
