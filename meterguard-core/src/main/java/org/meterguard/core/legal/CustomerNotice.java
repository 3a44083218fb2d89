package org.meterguard.core.legal;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The notice of a legal demand given to the customer of one account.
 *
 * @param demandId the demand
 * @param accountId the account whose customer was notified
 * @param givenOn the day the notice was given (sent)
 * @param method how (e.g. letter, email); not the customer's address
 */
public record CustomerNotice(String demandId, String accountId, LocalDate givenOn, String method) {
    public CustomerNotice {
        Objects.requireNonNull(demandId, "demandId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(givenOn, "givenOn");
        if (method == null || method.isBlank()) {
            throw new LegalRuleViolated("a notice of legal demand " + demandId + " says how it was given");
        }
        method = method.strip();
    }
}
