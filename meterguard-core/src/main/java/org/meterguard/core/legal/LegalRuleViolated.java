package org.meterguard.core.legal;

/** A legal demand, notice or release that breaks the rules; the message names the bad value or state. */
public class LegalRuleViolated extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public LegalRuleViolated(String message) {
        super(message);
    }
}
