package org.meterguard.core.legal;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A legal demand as the privacy officer registers it.
 *
 * @param demandId its identifier (1 to 64 letters, digits, '.', '_' or '-')
 * @param kind subpoena, court order, warrant, Commission order or emergency request
 * @param issuer who issued it (a court, an agency); not a customer's data
 * @param receivedOn the day the utility received it
 * @param scope the accounts, categories and usage days it demands
 * @param noticeForbidden true where a court order, law or Commission order forbids notifying the customer
 * @param status where it stands
 */
public record LegalDemand(
        String demandId,
        LegalDemandKind kind,
        String issuer,
        LocalDate receivedOn,
        LegalDemandScope scope,
        boolean noticeForbidden,
        LegalDemandStatus status) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public LegalDemand {
        if (demandId == null || !ID.matcher(demandId).matches()) {
            throw new LegalRuleViolated("invalid legal demand id '" + demandId
                    + "': use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(status, "status");
        if (issuer == null || issuer.isBlank()) {
            throw new LegalRuleViolated("legal demand " + demandId + " needs its issuer");
        }
        issuer = issuer.strip();
    }

    /** This demand with status {@code next}. */
    public LegalDemand withStatus(LegalDemandStatus next) {
        return new LegalDemand(demandId, kind, issuer, receivedOn, scope, noticeForbidden, next);
    }
}
