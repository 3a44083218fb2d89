/**
 * Unusual-activity detection as pure rules: over the stream of audited accesses ({@link
 * org.meterguard.core.detection.AccessRecord}) and meters' security events ({@link
 * org.meterguard.core.detection.MeterSecurityEvent}), {@link org.meterguard.core.detection.UnusualActivity} finds
 * bulk access against the user's and their peers' baselines, access outside working hours, covered reads without
 * the basis their purpose or role expects, repeated failed sign-ins, touches of flagged accounts (employees, VIPs,
 * honeytokens), bulk exports, purpose mismatches and repeated denials, access after a role change or termination,
 * third-party pulls outside their authorization, and meters' decryption, authentication, replay and key-change
 * events. Each {@link org.meterguard.core.detection.Finding} carries its evidence. Time comes only from the
 * records, so scripted clocks test it. No Spring, no SQL.
 */
package org.meterguard.core.detection;
