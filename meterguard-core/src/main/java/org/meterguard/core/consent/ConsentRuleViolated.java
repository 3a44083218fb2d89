package org.meterguard.core.consent;

/** An authorization, revocation or request that breaks the consent rules; the message names what is wrong. */
public class ConsentRuleViolated extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ConsentRuleViolated(String message) {
        super(message);
    }
}
