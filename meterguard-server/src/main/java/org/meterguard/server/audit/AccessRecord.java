package org.meterguard.server.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One access to a customer account's covered information, as the customer may see it: who in terms of role or
 * organization, never a member of staff's name.
 *
 * @param at when
 * @param accessorKind {@code UTILITY_STAFF}, {@code THIRD_PARTY}, {@code CUSTOMER} or {@code SYSTEM}
 * @param accessor the staff role (e.g. {@code BILLING_ANALYST}), the third party's organization, {@code CUSTOMER},
 *     or {@code SYSTEM} for the utility's automated jobs
 * @param purpose the declared purpose, e.g. {@code BILLING}
 * @param basisKind what the access rested on: {@code WORK_ORDER}, {@code SERVICE_REQUEST}, {@code PROGRAM_CONTRACT},
 *     {@code LEGAL_DEMAND}, {@code CUSTOMER_AUTHORIZATION} (the policy's basis kinds), another kind the basis names
 *     as {@code kind:id}, or {@code NONE}; never the basis's id
 * @param action what was done, e.g. {@code read-interval-data}
 * @param resource what it was done to, e.g. {@code meter/MG-1/readings}
 * @param decision {@code PERMIT}, {@code DENY}, or what a change did (e.g. {@code EXECUTED})
 */
public record AccessRecord(
        Instant at,
        String accessorKind,
        String accessor,
        String purpose,
        String basisKind,
        String action,
        String resource,
        String decision) {
    /** Checks for nulls. */
    public AccessRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(accessorKind, "accessorKind");
        Objects.requireNonNull(accessor, "accessor");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(basisKind, "basisKind");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(decision, "decision");
    }
}
