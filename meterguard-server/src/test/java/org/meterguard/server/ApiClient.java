package org.meterguard.server;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests. Calls made as a {@link TestUser} sign that user in first (password, then a TOTP
 * code when they have one) and then reuse the session cookie, sending the CSRF token on POSTs, as the portal or any
 * API client does. {@link #signIn(String, String)} and {@link #signInTotp} expose the steps for sign-in tests;
 * {@link #getWithToken} calls as a service account with a bearer token.
 */
public final class ApiClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** One answer: the status and the body, parsed as JSON where it is JSON. */
    public record Answer(int status, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** A session with the server: its cookie and CSRF token, both replaced as the server rotates them. */
    public static final class Session {
        String cookie = "";
        String csrf = "";

        /** The session cookie's value (JSESSIONID). */
        public String cookie() {
            return cookie;
        }
    }

    /** GETs as {@code user}, signing them in first if needed. */
    public Answer get(String pathAndQuery, TestUser user) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET(), session(user));
    }

    /** POSTs an empty body as {@code user}. */
    public Answer post(String pathAndQuery, TestUser user) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()), session(user));
    }

    /** POSTs a JSON body as {@code user}. */
    public Answer postJson(String pathAndQuery, String json, TestUser user) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(uri(pathAndQuery))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                session(user));
    }

    /** PUTs a JSON body as {@code user}. */
    public Answer putJson(String pathAndQuery, String json, TestUser user) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(uri(pathAndQuery))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json)),
                session(user));
    }

    /** DELETEs {@code pathAndQuery} as {@code user}. */
    public Answer delete(String pathAndQuery, TestUser user) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).DELETE(), session(user));
    }

    /** A binary answer (e.g. an audit export): status, headers and the bytes. */
    public record BinaryAnswer(int status, java.net.http.HttpHeaders headers, byte[] body) {}

    /** GETs a binary body as {@code user}. */
    public BinaryAnswer getBytes(String pathAndQuery, TestUser user) throws IOException, InterruptedException {
        Session session = session(user);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
        present(request, session);
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new BinaryAnswer(response.statusCode(), response.headers(), response.body());
    }

    /** Sends any method with an empty body as {@code user}, e.g. to show that DELETE is refused. */
    public Answer send(String method, String pathAndQuery, TestUser user) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(uri(pathAndQuery)).method(method, HttpRequest.BodyPublishers.noBody()),
                session(user));
    }

    /**
     * Sends {@code method} with a JSON body (none when {@code json} is null) as {@code user}, or without signing in
     * when {@code user} is null.
     */
    public Answer request(String method, String pathAndQuery, String json, TestUser user)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return send(request, user == null ? null : session(user));
    }

    /** GETs without signing in. */
    public Answer get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET(), null);
    }

    /** POSTs an empty body without signing in. */
    public Answer post(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()), null);
    }

    /** POSTs a JSON body without signing in. */
    public Answer postJson(String pathAndQuery, String json) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(uri(pathAndQuery))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                null);
    }

    /** GETs with {@code Authorization: Bearer token}, as a service account. */
    public Answer getWithToken(String pathAndQuery, String token) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(uri(pathAndQuery))
                        .header("Authorization", "Bearer " + token)
                        .GET(),
                null);
    }

    /** Asks the authorization server for a client-credentials token; the answer holds access_token on success. */
    public Answer token(String clientId, String secret, String scope) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(
                HttpRequest.newBuilder(uri("/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("grant_type", "client_credentials", "scope", scope)))),
                null);
    }

    /** Signs {@code user} in (password, then TOTP when enrolled) in a new session kept for later calls. */
    public Session signIn(TestUser user) throws IOException, InterruptedException {
        Session session = new Session();
        Answer password = signIn(session, user.username(), user.password());
        if (password.status() != 200) {
            throw new IllegalStateException("sign-in of " + user + " refused: " + password.body());
        }
        if ("totp".equals(password.json().get("next").asString())) {
            Answer totp = signInTotp(session, user.nextCode());
            if (totp.status() != 200) {
                throw new IllegalStateException("TOTP of " + user + " refused: " + totp.body());
            }
        }
        user.sessions.put(base, session);
        return session;
    }

    /** The password step alone, in the given session (a new one when null). */
    public Answer signIn(Session session, String username, String password) throws IOException, InterruptedException {
        return send(formPost("/api/v1/sign-in", Map.of("username", username, "password", password)), session);
    }

    /** The password step alone, in a throwaway session. */
    public Answer signIn(String username, String password) throws IOException, InterruptedException {
        return signIn(new Session(), username, password);
    }

    /** The TOTP step alone, in {@code session}. */
    public Answer signInTotp(Session session, String code) throws IOException, InterruptedException {
        return send(formPost("/api/v1/sign-in/totp", Map.of("code", code)), session);
    }

    /** GETs in an explicit session (e.g. one half signed in). */
    public Answer get(String pathAndQuery, Session session) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET(), session);
    }

    /** POSTs an empty body in an explicit session. */
    public Answer post(String pathAndQuery, Session session) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()), session);
    }

    /** Signs {@code user} out of their session on this server. */
    public Answer signOut(TestUser user) throws IOException, InterruptedException {
        Answer answer = post("/api/v1/sign-out", session(user));
        user.sessions.remove(base);
        return answer;
    }

    private Session session(TestUser user) throws IOException, InterruptedException {
        Session session = user.sessions.get(base);
        return session != null ? session : signIn(user);
    }

    private HttpRequest.Builder formPost(String path, Map<String, String> fields) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields)
                .entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    private URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    private static void present(HttpRequest.Builder request, Session session) {
        if (session != null) {
            if (!session.cookie.isEmpty()) {
                request.header("Cookie", "JSESSIONID=" + session.cookie);
            }
            if (!session.csrf.isEmpty()) {
                request.header("X-CSRF-TOKEN", session.csrf);
            }
        }
    }

    private Answer send(HttpRequest.Builder request, Session session) throws IOException, InterruptedException {
        present(request, session);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (session != null) {
            remember(session, response);
        }
        return new Answer(response.statusCode(), response.body());
    }

    private static void remember(Session session, HttpResponse<String> response) {
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            if (cookie.startsWith("JSESSIONID=")) {
                session.cookie = cookie.substring("JSESSIONID=".length(), cookie.indexOf(';'));
            }
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (type.contains("json") && response.body().contains("\"csrfToken\"")) {
            JsonNode token = JSON.readTree(response.body()).get("csrfToken");
            if (token != null && !token.asString().isEmpty()) {
                session.csrf = token.asString();
            }
        }
    }
}
