package org.meterguard.core.thirdparty;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An organization that may receive covered information: on a contract (primary purposes) or on customers' own
 * authorizations (secondary purposes). Once cut off it receives nothing, whatever its contracts or authorizations.
 *
 * @param thirdPartyId its identifier (letters, digits, '.', '_', '-')
 * @param organization the organization's name
 * @param contact whom to reach there (the privacy contact), as text
 * @param cutOff when and why all disclosure to it ceased; empty while it may receive data
 */
public record ThirdParty(String thirdPartyId, String organization, String contact, Optional<CutOff> cutOff) {
    public ThirdParty {
        Ids.require(thirdPartyId, "third-party id");
        organization = Ids.requireText(organization, "third party's organization");
        contact = Ids.requireText(contact, "third party's contact");
        Objects.requireNonNull(cutOff, "cutOff");
    }

    /** True where disclosure to this party has ceased at {@code at}. */
    public boolean isCutOffAt(Instant at) {
        return cutOff.isPresent() && !at.isBefore(cutOff.get().at());
    }

    /** This party cut off by {@code cut}; refused when it already is. */
    public ThirdParty cutOff(CutOff cut) {
        if (cutOff.isPresent()) {
            throw new ThirdPartyRuleViolated("third party " + thirdPartyId + " was already cut off at "
                    + cutOff.get().at());
        }
        return new ThirdParty(thirdPartyId, organization, contact, Optional.of(cut));
    }
}
