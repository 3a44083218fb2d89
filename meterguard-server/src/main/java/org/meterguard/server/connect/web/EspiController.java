package org.meterguard.server.connect.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.meterguard.greenbutton.EntrySelection;
import org.meterguard.server.access.AccessDenied;
import org.meterguard.server.access.ThirdPartyGrants;
import org.meterguard.server.connect.ConnectReleases;
import org.meterguard.server.web.BadRequest;
import org.meterguard.server.web.NotFound;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The ESPI REST resources of Green Button Connect My Data, for a third party's bearer token; a subscription's id is
 * the customer authorization's id. Usage is selected by the intervals' start (usage time), with {@code
 * published-min} and {@code published-max} (ISO-8601 instants, e.g. {@code 2026-03-01T08:00:00Z}):
 *
 * <pre>
 * GET /espi/1_1/resource/Batch/Subscription/{subscription}                           everything it covers
 * GET /espi/1_1/resource/Subscription/{subscription}/UsagePoint[/{n}]
 * GET /espi/1_1/resource/Subscription/{subscription}/UsagePoint/{n}/MeterReading[/{m}]
 * GET /espi/1_1/resource/Subscription/{subscription}/UsagePoint/{n}/MeterReading/{m}/IntervalBlock[/{b}]
 * GET /espi/1_1/resource/Subscription/{subscription}/UsagePoint/{n}/UsageSummary[/{s}]
 * GET /espi/1_1/resource/ReadingType/{n}, /espi/1_1/resource/LocalTimeParameters/{n}   of the token's subscription
 * GET /espi/1_1/resource/Authorization/{authorization}
 * GET /espi/1_1/resource/ApplicationInformation/{clientId}
 * </pre>
 *
 * Answers are Atom feeds ({@code application/atom+xml}); a refusal is a problem detail (403), an invalid or revoked
 * token 401.
 */
@RestController
class EspiController {
    private static final String ROOT = "/espi/1_1/resource";
    private static final String ATOM = "application/atom+xml;charset=UTF-8";
    private static final Pattern SUBSCRIPTION_PATH = Pattern.compile(
            ROOT + "/Subscription/[^/]+/(UsagePoint(/[0-9]{1,6}"
                    + "(/(MeterReading(/[0-9]{1,6}(/(IntervalBlock)(/[0-9]{1,6})?)?)?|UsageSummary(/[0-9]{1,6})?))?)?)");
    private static final Pattern KIND = Pattern.compile("([A-Za-z]+)(/[0-9]+)?$");

    private final ConnectReleases releases;

    EspiController(ConnectReleases releases) {
        this.releases = releases;
    }

    @GetMapping(ROOT + "/Batch/Subscription/{subscription}")
    void batch(
            @PathVariable String subscription,
            @RequestParam(name = "published-min", required = false) String min,
            @RequestParam(name = "published-max", required = false) String max,
            Authentication caller,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        release(caller, subscription, EntrySelection.ALL, min, max, request, response);
    }

    @GetMapping(ROOT + "/Subscription/{subscription}/**")
    void subscription(
            @PathVariable String subscription,
            @RequestParam(name = "published-min", required = false) String min,
            @RequestParam(name = "published-max", required = false) String max,
            Authentication caller,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        String path = request.getRequestURI();
        if (!SUBSCRIPTION_PATH.matcher(path).matches()) {
            throw new NotFound("no ESPI resource " + path);
        }
        release(caller, subscription, selection(path), min, max, request, response);
    }

    @GetMapping({ROOT + "/ReadingType/{n}", ROOT + "/LocalTimeParameters/{n}"})
    void ofSubscription(
            @PathVariable String n, Authentication caller, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String path = request.getRequestURI();
        if (!n.matches("[0-9]{1,6}")) {
            throw new NotFound("no ESPI resource " + path);
        }
        ConnectReleases.Bearer bearer = bearer(caller, request);
        release(caller, bearer.authorizationId(), selection(path), null, null, request, response);
    }

    @GetMapping(ROOT + "/Authorization/{authorization}")
    void authorization(
            @PathVariable String authorization,
            Authentication caller,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        releases.authorization(bearer(caller, request), authorization, baseUri(), () -> open(response));
    }

    @GetMapping(ROOT + "/ApplicationInformation/{clientId}")
    void applicationInformation(
            @PathVariable String clientId,
            Authentication caller,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        releases.applicationInformation(bearer(caller, request), clientId, baseUri(), () -> open(response));
    }

    private void release(
            Authentication caller,
            String subscription,
            EntrySelection selection,
            String min,
            String max,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        releases.release(
                bearer(caller, request),
                subscription,
                selection,
                instant("published-min", min),
                instant("published-max", max),
                () -> open(response));
    }

    private static EntrySelection selection(String path) {
        Matcher kind = KIND.matcher(path);
        if (!kind.find()) {
            throw new NotFound("no ESPI resource " + path);
        }
        return new EntrySelection(kind.group(1), path);
    }

    private static java.io.OutputStream open(HttpServletResponse response) throws IOException {
        response.setContentType(ATOM);
        return response.getOutputStream();
    }

    private static ConnectReleases.Bearer bearer(Authentication caller, HttpServletRequest request) {
        if (!(caller instanceof JwtAuthenticationToken token)
                || !token.getToken().hasClaim(ThirdPartyGrants.AUTHORIZATION_CLAIM)) {
            throw new AccessDenied("ESPI resources are for a third party's Green Button Connect token");
        }
        List<String> audience = token.getToken().getAudience() == null
                ? List.of()
                : token.getToken().getAudience();
        return new ConnectReleases.Bearer(
                token.getToken().getClaimAsString(ThirdPartyGrants.AUTHORIZATION_CLAIM),
                audience,
                request.getRemoteAddr());
    }

    private static Optional<Instant> instant(String name, String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new BadRequest("invalid " + name + ": '" + text + "' is not an instant such as 2026-03-01T08:00:00Z");
        }
    }

    private static String baseUri() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
