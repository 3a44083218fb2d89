package org.meterguard.server.accounts;

/** A change to accounts, service points or occupancy that would break their rules; the message says which. */
public class AccountRuleViolated extends RuntimeException {
    public AccountRuleViolated(String message) {
        super(message);
    }
}
