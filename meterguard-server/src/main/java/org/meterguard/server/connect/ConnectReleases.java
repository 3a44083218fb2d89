package org.meterguard.server.connect;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.meterguard.core.PurposeOfUse;
import org.meterguard.core.TimeRange;
import org.meterguard.core.consent.AuthorizationStatus;
import org.meterguard.core.consent.CustomerAuthorization;
import org.meterguard.core.consent.DisclosureRequest;
import org.meterguard.core.consent.Granularity;
import org.meterguard.core.consent.InformationCategory;
import org.meterguard.greenbutton.EntrySelection;
import org.meterguard.greenbutton.EspiResource;
import org.meterguard.greenbutton.EspiResource.Field;
import org.meterguard.greenbutton.GreenButtonWriter;
import org.meterguard.server.access.AccessDenied;
import org.meterguard.server.audit.Actor;
import org.meterguard.server.consent.Authorizations;
import org.meterguard.server.consent.Disclosures;
import org.meterguard.server.greenbutton.GreenButtonDownload;
import org.meterguard.server.web.BadRequest;
import org.springframework.stereotype.Service;

/**
 * What a third party's token releases: exactly what its customer authorization covers now. Each request names the
 * token's authorization (its subscription); the usage asked for (by interval start) is cut to the authorized period
 * and whole hours, and decided afresh by {@link Disclosures} — the party's standing, the authorization's status,
 * period and granularity — audited and, when released, written to the disclosure log. Quarter-hours go out as they
 * are stored, or summed into hours where the authorization allows only hourly data.
 */
@Service
public class ConnectReleases {
    /** The role third parties act in, in the audit log. */
    public static final String THIRD_PARTY = "THIRD_PARTY";

    private static final String ROOT = "/espi/1_1/resource";

    private final Authorizations authorizations;
    private final ConnectClients clients;
    private final Disclosures disclosures;
    private final GreenButtonDownload download;
    private final Clock clock = Clock.systemUTC();

    ConnectReleases(
            Authorizations authorizations,
            ConnectClients clients,
            Disclosures disclosures,
            GreenButtonDownload download) {
        this.authorizations = authorizations;
        this.clients = clients;
        this.disclosures = disclosures;
        this.download = download;
    }

    /** Where a release's document goes, opened only once the release is permitted. */
    @FunctionalInterface
    public interface Output {
        OutputStream open() throws IOException;
    }

    /** A token as the resource requests see it: the customer authorization it names and the clients it was for. */
    public record Bearer(String authorizationId, List<String> audience, String clientAddress) {}

    /**
     * Releases the entries {@code selection} names of subscription {@code subscriptionId}, usage from {@code min} to
     * {@code max} (interval starts; the whole authorized period where absent).
     *
     * @throws AccessDenied when the token is not for that subscription
     * @throws org.meterguard.server.consent.DisclosureRefused when there is no basis for the release now
     */
    public long release(
            Bearer bearer,
            String subscriptionId,
            EntrySelection selection,
            Optional<Instant> min,
            Optional<Instant> max,
            Output out)
            throws IOException {
        CustomerAuthorization authorization = authorizationOf(bearer, subscriptionId);
        TimeRange authorized = authorization.scope().usagePeriod();
        Instant from = min.orElse(authorized.from());
        Instant to = max.orElse(authorized.to());
        if (!to.isAfter(from)) {
            throw new BadRequest("published-max " + to + " is not after published-min " + from);
        }
        TimeRange usage = cut(new TimeRange(from, to), authorized).orElse(new TimeRange(from, to));
        Granularity granularity = authorization.scope().finest();
        if (granularity != Granularity.QUARTER_HOURLY && granularity != Granularity.HOURLY) {
            throw new AccessDenied("authorization " + subscriptionId + " allows " + granularity
                    + " data only; ESPI interval blocks are quarter-hourly or hourly");
        }
        DisclosureRequest request = new DisclosureRequest(
                authorization.thirdPartyId(),
                authorization.accountId(),
                PurposeOfUse.SECONDARY,
                authorization.purpose(),
                InformationCategory.INTERVAL_USAGE,
                usage,
                granularity,
                clock.instant());
        Actor party = new Actor(authorization.thirdPartyId(), THIRD_PARTY, bearer.clientAddress());
        return disclosures.release(request, party, () -> download.writeSubscription(
                        authorization.accountId(),
                        usage,
                        granularity == Granularity.HOURLY,
                        authorization.scope().categories().contains(InformationCategory.USAGE_SUMMARY),
                        subscriptionId,
                        selection,
                        out.open())
                .readings());
    }

    /** The authorized usage cut to whole hours within it; empty where nothing of {@code asked} lies inside. */
    private static Optional<TimeRange> cut(TimeRange asked, TimeRange authorized) {
        Instant from = asked.from().isBefore(authorized.from()) ? authorized.from() : asked.from();
        Instant to = asked.to().isAfter(authorized.to()) ? authorized.to() : asked.to();
        Instant hourFrom = from.truncatedTo(ChronoUnit.HOURS);
        from = hourFrom.equals(from) ? from : hourFrom.plus(1, ChronoUnit.HOURS);
        to = to.truncatedTo(ChronoUnit.HOURS);
        return to.isAfter(from) ? Optional.of(new TimeRange(from, to)) : Optional.empty();
    }

    /** Writes the ESPI Authorization resource of the token's authorization (its status, periods and scope). */
    public void authorization(Bearer bearer, String authorizationId, String baseUri, Output out) throws IOException {
        CustomerAuthorization a = authorizationOf(bearer, authorizationId);
        String scope = clientOf(bearer, a).map(c -> c.scopes().get(0)).orElse("");
        GreenButtonWriter writer = new GreenButtonWriter(
                out.open(), "Authorization", authorizationId, clock.instant(), EntrySelection.ALL);
        Instant now = clock.instant();
        writer.resource(new EspiResource(
                "Authorization",
                ROOT + "/Authorization/" + authorizationId,
                ROOT + "/Authorization",
                "Authorization of " + a.thirdPartyId() + " for " + a.purpose(),
                List.of(
                        Field.interval("authorizedPeriod", new TimeRange(a.start(), a.end())),
                        Field.interval("publishedPeriod", a.scope().usagePeriod()),
                        Field.of("status", a.statusAt(now) == AuthorizationStatus.ACTIVE ? 1 : 0),
                        Field.of("expires_at", a.end().getEpochSecond()),
                        Field.of("grant_type", "authorization_code"),
                        Field.of("scope", scope),
                        Field.of("token_type", "Bearer"),
                        Field.of("resourceURI", baseUri + ROOT + "/Batch/Subscription/" + authorizationId),
                        Field.of("authorizationURI", baseUri + ROOT + "/Authorization/" + authorizationId))));
        writer.finish();
    }

    /** Writes the ESPI ApplicationInformation of the token's client. */
    public void applicationInformation(Bearer bearer, String clientId, String baseUri, Output out) throws IOException {
        if (!bearer.audience().contains(clientId)) {
            throw new AccessDenied("the token was not issued to client " + clientId);
        }
        ConnectClient client = clients.find(clientId)
                .orElseThrow(() -> new AccessDenied("no Green Button Connect client " + clientId));
        GreenButtonWriter writer = new GreenButtonWriter(
                out.open(), "ApplicationInformation", clientId, clock.instant(), EntrySelection.ALL);
        writer.resource(ApplicationInformation.of(client, baseUri));
        writer.finish();
    }

    private CustomerAuthorization authorizationOf(Bearer bearer, String subscriptionId) {
        if (!subscriptionId.equals(bearer.authorizationId())) {
            throw new AccessDenied("the token was not issued for " + subscriptionId);
        }
        CustomerAuthorization authorization = authorizations
                .find(subscriptionId)
                .orElseThrow(() -> new AccessDenied("no authorization " + subscriptionId));
        if (clientOf(bearer, authorization).isEmpty()) {
            throw new AccessDenied("the token's client does not belong to " + authorization.thirdPartyId());
        }
        return authorization;
    }

    private Optional<ConnectClient> clientOf(Bearer bearer, CustomerAuthorization authorization) {
        return bearer.audience().stream()
                .flatMap(id -> clients.find(id).stream())
                .filter(c -> c.thirdPartyId().equals(authorization.thirdPartyId()))
                .findFirst();
    }
}
