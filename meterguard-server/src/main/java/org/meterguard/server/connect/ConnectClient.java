package org.meterguard.server.connect;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A third party's Green Button Connect client: an OAuth client of our authorization server with the
 * authorization-code and refresh-token grants, the ESPI scopes it may ask customers for, and the one secondary
 * purpose every authorization it obtains names.
 *
 * @param clientId its OAuth client id
 * @param thirdPartyId the party
 * @param purpose the secondary purpose token
 * @param scopes the ESPI scopes it registered
 * @param redirectUris where codes go
 * @param registeredAt when it was registered
 * @param disabledAt when it was disabled (the party cut off); empty while usable
 */
public record ConnectClient(
        String clientId,
        String thirdPartyId,
        String purpose,
        List<String> scopes,
        List<String> redirectUris,
        Instant registeredAt,
        Optional<Instant> disabledAt) {
    public ConnectClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(thirdPartyId, "thirdPartyId");
        Objects.requireNonNull(purpose, "purpose");
        scopes = List.copyOf(scopes);
        redirectUris = List.copyOf(redirectUris);
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(disabledAt, "disabledAt");
    }
}
