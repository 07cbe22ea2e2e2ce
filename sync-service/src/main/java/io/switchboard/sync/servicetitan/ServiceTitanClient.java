package io.switchboard.sync.servicetitan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.sync.config.SyncConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ServiceTitan's employees API for one tenant at a time: OAuth2 client credentials per tenant (tokens cached and
 * renewed a minute before they expire), the ST-App-Key header, and the per-tenant rate limit on every call. Secrets
 * never reach a log or an exception message.
 */
@ApplicationScoped
public class ServiceTitanClient {

    /** An employee as far as the Office Phone is concerned. */
    public record Employee(long id, String name, String email, String phoneNumber) {
    }

    /** A call ServiceTitan refused or could not answer; {@code retryAfter} is set for 429. */
    public static class CallFailed extends Exception {
        public final int status;
        public final Duration retryAfter;

        public CallFailed(int status, Duration retryAfter, String message) {
            super(message);
            this.status = status;
            this.retryAfter = retryAfter;
        }

        public boolean retryable() {
            return status == 429 || status >= 500 || status == 0 || status == 401;
        }
    }

    private record Token(String value, Instant renewAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SyncConfig.ServiceTitan config;
    private final HttpClient http;
    private final RateLimiter limiter;
    private final Map<Long, Token> tokens = new ConcurrentHashMap<>();
    private final Map<Long, Object> tokenLocks = new ConcurrentHashMap<>();

    public ServiceTitanClient(SyncConfig config) {
        this.config = config.servicetitan();
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout()).version(HttpClient.Version.HTTP_1_1).build();
        this.limiter = new RateLimiter(this.config.rateLimit());
    }

    /** Employees of the tenant with this email, any letter case. */
    public List<Employee> findByEmail(long tenant, String email) throws CallFailed {
        JsonNode page = call(tenant, "GET", "/settings/v2/tenant/" + tenant + "/employees?pageSize=50&email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8), null);
        List<Employee> found = new ArrayList<>();
        for (JsonNode e : page.path("data")) {
            if (e.path("email").asText("").equalsIgnoreCase(email)) {
                found.add(employee(e));
            }
        }
        return found;
    }

    public Optional<Employee> get(long tenant, long employeeId) throws CallFailed {
        try {
            return Optional.of(employee(call(tenant, "GET", "/settings/v2/tenant/" + tenant + "/employees/" + employeeId, null)));
        } catch (CallFailed e) {
            if (e.status == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Sets the employee's Office Phone ({@code phoneNumber}); null clears it. */
    public void setOfficePhone(long tenant, long employeeId, String phone) throws CallFailed {
        ObjectNode body = JSON.createObjectNode();
        if (phone == null) {
            body.putNull("phoneNumber");
        } else {
            body.put("phoneNumber", phone);
        }
        call(tenant, "PATCH", "/settings/v2/tenant/" + tenant + "/employees/" + employeeId, body);
    }

    private JsonNode call(long tenant, String method, String path, JsonNode body) throws CallFailed {
        try {
            limiter.acquire(tenant);
            HttpResponse<String> response = send(tenant, method, path, body);
            if (response.statusCode() == 401) {
                // The token was revoked or expired early: one fresh token, one more try.
                tokens.remove(tenant);
                limiter.acquire(tenant);
                response = send(tenant, method, path, body);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            }
            Duration retryAfter = status == 429 ? retryAfter(response) : null;
            throw new CallFailed(status, retryAfter, method + " " + path + " answered " + status);
        } catch (HttpTimeoutException e) {
            throw new CallFailed(0, null, method + " " + path + " timed out");
        } catch (IOException e) {
            throw new CallFailed(0, null, method + " " + path + " failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailed(0, null, "interrupted");
        }
    }

    private HttpResponse<String> send(long tenant, String method, String path, JsonNode body)
            throws IOException, InterruptedException, CallFailed {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.apiUrl() + path))
                .timeout(config.timeout())
                .header("Authorization", "Bearer " + token(tenant))
                .header("ST-App-Key", config.appKey())
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token(long tenant) throws IOException, InterruptedException, CallFailed {
        Token cached = tokens.get(tenant);
        if (cached != null && Instant.now().isBefore(cached.renewAt())) {
            return cached.value();
        }
        // One token request per tenant at a time: the calls waiting for it all use the one it brings.
        synchronized (tokenLocks.computeIfAbsent(tenant, t -> new Object())) {
            cached = tokens.get(tenant);
            if (cached != null && Instant.now().isBefore(cached.renewAt())) {
                return cached.value();
            }
            return fetchToken(tenant);
        }
    }

    private String fetchToken(long tenant) throws IOException, InterruptedException, CallFailed {
        SyncConfig.Credentials own = config.tenants().get(Long.toString(tenant));
        String clientId = own != null && own.clientId().isPresent() ? own.clientId().get()
                : config.defaults().clientId().orElseThrow(() -> new CallFailed(401, null, "no ServiceTitan client id for tenant " + tenant));
        String secret = own != null && own.clientSecret().isPresent() ? own.clientSecret().get()
                : config.defaults().clientSecret().orElseThrow(() -> new CallFailed(401, null, "no ServiceTitan client secret for tenant " + tenant));
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(config.authUrl()))
                .timeout(config.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new CallFailed(response.statusCode() == 400 ? 401 : response.statusCode(), null,
                    "ServiceTitan refused the client credentials of tenant " + tenant + " (" + response.statusCode() + ")");
        }
        JsonNode json = JSON.readTree(response.body());
        long lifetime = json.path("expires_in").asLong(900);
        Token token = new Token(json.path("access_token").asText(),
                Instant.now().plusSeconds(Math.max(lifetime / 2, lifetime - 60)));
        tokens.put(tenant, token);
        return token.value();
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Duration.ofSeconds(Long.parseLong(v.trim()));
            } catch (NumberFormatException e) {
                return Duration.ofSeconds(1);
            }
        }).orElse(Duration.ofSeconds(1));
    }

    private static Employee employee(JsonNode e) {
        return new Employee(e.path("id").asLong(), e.path("name").asText(null), e.path("email").asText(null),
                e.path("phoneNumber").isNull() ? null : e.path("phoneNumber").asText(null));
    }
}
