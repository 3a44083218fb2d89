/**
 * A fleet of simulated smart meters: realistic load shapes, ciphered DLMS/COSEM load-profile pushes under each
 * meter's own keys with a persistent rising invocation counter, sent to a head-end over TCP.
 */
package org.meterguard.simulator;
