package org.meterguard.core.thirdparty;

/** A third party, contract or breach that breaks the rules; the message names the bad value. */
public class ThirdPartyRuleViolated extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ThirdPartyRuleViolated(String message) {
        super(message);
    }
}
