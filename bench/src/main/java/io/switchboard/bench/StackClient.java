package io.switchboard.bench;

import io.switchboard.local.LocalStack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The local stack's APIs as a benchmark calls them: one network, its admin's token, and JSON in and out. */
final class StackClient {

    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final Pattern CURSOR = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final LocalStack stack;
    private String token;
    private UUID networkId;

    StackClient(LocalStack stack) {
        this.stack = stack;
    }

    /** Bootstraps a fresh network and signs its admin in. */
    StackClient signIn() throws Exception {
        String domain = "bench-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        networkId = UUID.fromString(find(ID, send("POST", "directory", "/api/v1/networks", """
                {"name":"Bench","admin":{"firstName":"B","lastName":"Admin","email":"admin@%s","password":"benchmark-password"}}"""
                .formatted(domain), 201)));
        token = find(TOKEN, send("POST", "directory", "/api/v1/auth/token",
                "{\"email\":\"admin@%s\",\"password\":\"benchmark-password\"}".formatted(domain), 200));
        return this;
    }

    UUID networkId() {
        return networkId;
    }

    /** Sends the request with the admin's token and returns the body; any other status than expected is an error. */
    String send(String method, String service, String path, String json, int expected) throws Exception {
        HttpResponse<String> response = http.send(request(method, service, path, json), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    int status(String service, String path) throws Exception {
        return http.send(request("GET", service, path, null), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    HttpClient http() {
        return http;
    }

    private HttpRequest request(String method, String service, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url(service) + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    static String find(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("unexpected response: " + body.substring(0, Math.min(300, body.length())));
        }
        return m.group(1);
    }
}
