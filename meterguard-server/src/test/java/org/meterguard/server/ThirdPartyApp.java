package org.meterguard.server;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small third-party application for tests, driven over real HTTP: it sends the customer's browser (a session
 * cookie) to the authorization endpoint, follows the consent screen as the browser would, takes the code from the
 * redirect, exchanges it (client secret, PKCE) for tokens, refreshes and revokes them, and calls ESPI resources with
 * its bearer token. Redirects are never followed automatically, so each step is seen.
 */
final class ThirdPartyApp {
    static final String REDIRECT_URI = "http://127.0.0.1:9/callback";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final String clientId;
    private final String secret;

    ThirdPartyApp(int port, String clientId, String secret) {
        this.base = "http://127.0.0.1:" + port;
        this.clientId = clientId;
        this.secret = secret;
    }

    /** One HTTP answer. */
    record Answer(int status, String body, String location) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        /** A query parameter of the redirect location. */
        String param(String name) {
            return ThirdPartyApp.param(location, name);
        }
    }

    /** Tokens from the token endpoint. */
    record Tokens(String access, String refresh, String scope) {}

    /** The authorization request in the customer's browser (cookie may be empty), PKCE with {@code verifier}. */
    Answer authorize(String cookie, String scope, String state, String verifier) throws Exception {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", REDIRECT_URI);
        if (scope != null) {
            query.put("scope", scope);
        }
        query.put("state", state);
        if (verifier != null) {
            query.put("code_challenge", challenge(verifier));
            query.put("code_challenge_method", "S256");
        }
        return send(HttpRequest.newBuilder(URI.create(base + "/oauth2/authorize?" + form(query))), cookie);
    }

    /** GETs a page in the customer's browser. */
    Answer browse(String pathOrUrl, String cookie) throws Exception {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl;
        return send(HttpRequest.newBuilder(URI.create(url)), cookie);
    }

    /**
     * Submits the consent screen's form {@code formId} as the browser would: its hidden fields, plus {@code account}
     * where given (approving).
     */
    Answer submitConsent(String consentPage, String formId, String account, String cookie) throws Exception {
        int start = consentPage.indexOf("id=\"" + formId + "\"");
        String formHtml = consentPage.substring(start, consentPage.indexOf("</form>", start));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(formHtml);
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2).replace("&amp;", "&").replace("&#39;", "'"));
        }
        if (account != null) {
            fields.put("account", account);
        }
        return send(
                HttpRequest.newBuilder(URI.create(base + "/oauth2/authorize"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(fields))),
                cookie);
    }

    /** Exchanges {@code code} for tokens with the client secret and the PKCE verifier. */
    Answer exchange(String code, String verifier) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "authorization_code");
        fields.put("code", code);
        fields.put("redirect_uri", REDIRECT_URI);
        if (verifier != null) {
            fields.put("code_verifier", verifier);
        }
        return tokenEndpoint("/oauth2/token", fields);
    }

    Answer refresh(String refreshToken) throws Exception {
        return tokenEndpoint("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    /** RFC 7009 revocation of one of the client's tokens. */
    Answer revoke(String token) throws Exception {
        return tokenEndpoint("/oauth2/revoke", Map.of("token", token));
    }

    static Tokens tokens(Answer answer) {
        JsonNode json = answer.json();
        return new Tokens(
                json.get("access_token").asString(),
                json.get("refresh_token").asString(),
                json.get("scope").asString());
    }

    /** GETs an ESPI resource with the bearer token. */
    Answer get(String path, String accessToken) throws Exception {
        return send(
                HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + accessToken), "");
    }

    /** The JSON payload of a JWT (not verified: the test reads what the server wrote). */
    static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    static String verifier() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Answer tokenEndpoint(String path, Map<String, String> fields) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(fields))),
                "");
    }

    private Answer send(HttpRequest.Builder request, String cookie) throws IOException, InterruptedException {
        if (cookie != null && !cookie.isEmpty()) {
            request.header("Cookie", "JSESSIONID=" + cookie);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("Location").orElse(""));
    }

    private static String challenge(String verifier) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    static String param(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
