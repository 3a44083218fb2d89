package org.meterguard.server.access;

import java.util.Objects;
import org.meterguard.core.MeterId;
import org.meterguard.core.access.Disclosure;
import org.meterguard.server.keys.Pseudonyms;

/**
 * A permitted covered read, and how much identity its answer may show. A read that needs no identity (an area)
 * shows keyed pseudonyms instead of meter ids: callers label every meter through {@link #meterLabel}.
 */
public final class Permit {
    private final Disclosure disclosure;
    private final String reason;
    private final Pseudonyms pseudonyms;

    Permit(Disclosure disclosure, String reason, Pseudonyms pseudonyms) {
        if (disclosure == Disclosure.NONE) {
            throw new IllegalArgumentException("a permit discloses something");
        }
        this.disclosure = disclosure;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.pseudonyms = pseudonyms;
    }

    /** How much identity the answer may show. */
    public Disclosure disclosure() {
        return disclosure;
    }

    /** Why it was permitted. */
    public String reason() {
        return reason;
    }

    /** The meter as the answer may name it: its id, or its pseudonym when the read needs no identity. */
    public String meterLabel(String meterId) {
        return disclosure == Disclosure.PSEUDONYMIZED ? pseudonyms.ofMeter(MeterId.of(meterId)) : meterId;
    }
}
