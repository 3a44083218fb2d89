package org.meterguard.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests: GETs with HTTP Basic credentials, answers as status and JSON. */
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

    public Answer get(String pathAndQuery, String username, String password) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET(), username, password);
    }

    /** POSTs an empty body. */
    public Answer post(String pathAndQuery, String username, String password) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(URI.create(base + pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()),
                username,
                password);
    }

    /** POSTs a JSON body. */
    public Answer postJson(String pathAndQuery, String json, String username, String password)
            throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                username,
                password);
    }

    /** DELETEs {@code pathAndQuery}. */
    public Answer delete(String pathAndQuery, String username, String password)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).DELETE(), username, password);
    }

    /** A binary answer (e.g. an audit export): status, headers and the bytes. */
    public record BinaryAnswer(int status, java.net.http.HttpHeaders headers, byte[] body) {}

    /** GETs a binary body. */
    public BinaryAnswer getBytes(String pathAndQuery, String username, String password)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET();
        authenticate(request, username, password);
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new BinaryAnswer(response.statusCode(), response.headers(), response.body());
    }

    /** Sends any method with an empty body, e.g. to show that DELETE is refused. */
    public Answer send(String method, String pathAndQuery, String username, String password)
            throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                        .method(method, HttpRequest.BodyPublishers.noBody()),
                username,
                password);
    }

    /** Sends {@code method} with a JSON body (none when {@code json} is null). */
    public Answer request(String method, String pathAndQuery, String json, String username, String password)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return send(request, username, password);
    }

    private Answer send(HttpRequest.Builder request, String username, String password)
            throws IOException, InterruptedException {
        authenticate(request, username, password);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private static void authenticate(HttpRequest.Builder request, String username, String password) {
        if (username != null) {
            String token =
                    Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
    }
}
