package org.meterguard.core.consent;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a disclosure may happen now: on which basis, or why not.
 *
 * @param permitted whether it may happen
 * @param basisKind the kind of basis it happens under; empty when refused
 * @param basisId the contract or authorization id; empty when refused
 * @param reason why, in words a person can act on
 */
public record DisclosureDecision(boolean permitted, Optional<BasisKind> basisKind, String basisId, String reason) {
    public DisclosureDecision {
        Objects.requireNonNull(basisKind, "basisKind");
        Objects.requireNonNull(basisId, "basisId");
        Objects.requireNonNull(reason, "reason");
        if (permitted != basisKind.isPresent()) {
            throw new IllegalArgumentException("a permitted disclosure names its basis, and only a permitted one");
        }
    }

    static DisclosureDecision permit(BasisKind kind, String basisId, String reason) {
        return new DisclosureDecision(true, Optional.of(kind), basisId, reason);
    }

    static DisclosureDecision refuse(String reason) {
        return new DisclosureDecision(false, Optional.empty(), "", reason);
    }

    /** The basis as the audit log writes it, e.g. {@code CUSTOMER_AUTHORIZATION:auth-7}; empty when refused. */
    public String basis() {
        return basisKind.map(kind -> kind + ":" + basisId).orElse("");
    }
}
