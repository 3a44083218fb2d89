/**
 * Unusual-activity detection: listens to every appended audit entry (after its commit, through a bounded queue, so
 * requests never wait for it), pulls the head-end's security events and meters' key changes, runs the pure rules
 * of {@code core.detection} on one thread, and raises deduplicated alerts with their evidence through
 * {@code alerts}. It keeps per-user hourly reads (windows and baselines), changes to users and hourly tallies in
 * its own tables so that a restart loses nothing it needs; the flagged accounts (employees, VIPs, honeytokens) and
 * the security report for any period are its API.
 */
package org.meterguard.server.detection;
