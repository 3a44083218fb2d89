/**
 * Who may do what: staff accounts with Argon2id password hashes, roles, and the policy decision point that
 * ties every read of covered information to a declared purpose and records the decision in the audit log.
 */
package org.meterguard.server.access;
