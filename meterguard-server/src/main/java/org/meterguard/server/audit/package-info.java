/**
 * The server's audit log: every access to covered information and every change is appended as an RFC 9162
 * Merkle-tree leaf; the table refuses updates and deletes.
 */
package org.meterguard.server.audit;
