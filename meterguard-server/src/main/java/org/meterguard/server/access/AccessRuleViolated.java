package org.meterguard.server.access;

/** A change to the access registers that breaks a rule (unknown user or account, wrong role, already closed). */
public class AccessRuleViolated extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AccessRuleViolated(String message) {
        super(message);
    }
}
