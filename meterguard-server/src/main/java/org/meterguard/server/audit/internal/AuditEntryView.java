package org.meterguard.server.audit.internal;

import java.time.Instant;

/**
 * One projected audit entry as the security auditor sees it: every field, the canonical bytes that were hashed
 * (base64) and their RFC 9162 leaf hash (hex), so that an inclusion proof can be checked against a signed head.
 */
public record AuditEntryView(
        long index,
        Instant at,
        String actor,
        String role,
        String action,
        String resource,
        String subject,
        String purpose,
        String basis,
        String decision,
        String clientAddress,
        String detail,
        String entry,
        String leafHash) {}
