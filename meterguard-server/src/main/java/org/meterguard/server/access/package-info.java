/**
 * Who may do what. Identity: staff, customers and service accounts, signing in with an Argon2id password and a TOTP
 * second factor (sessions with idle and absolute timeouts, lockout with backoff), or with OAuth 2.0 client
 * credentials from the embedded authorization server; every sign-in event audited. Authorization: roles, and the
 * policy decision point that ties every read of covered information to a declared purpose and records the
 * decision in the audit log. Customers' view of who accessed their data.
 */
package org.meterguard.server.access;
