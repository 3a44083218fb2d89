/**
 * DLMS/COSEM codec for Meterguard's head-end: OBIS codes, A-XDR data, COSEM date-times, security suite 0 (AES-128-GCM)
 * ciphering, DataNotification and load-profile push bodies, and the IEC 62056-47 TCP wrapper; JDK only, no Spring.
 */
package org.meterguard.dlms;
