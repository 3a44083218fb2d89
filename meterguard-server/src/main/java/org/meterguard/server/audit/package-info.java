/**
 * The server's audit log: every access to covered information and every change is appended to the tamper-evident
 * journal (RFC 9162 Merkle leaves, Ed25519-signed tree heads), projected into PostgreSQL for SQL readers, and shown
 * to the security auditor with proofs and exports, and to customers as their access history without staff names.
 * Nothing can alter or delete an entry.
 */
package org.meterguard.server.audit;
