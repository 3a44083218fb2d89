/** The tamper-evident audit log: RFC 9162 Merkle hashing of canonically encoded audit events. */
package org.meterguard.audit;
