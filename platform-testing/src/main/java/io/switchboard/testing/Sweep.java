package io.switchboard.testing;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.function.Function;

import static io.restassured.RestAssured.given;

/** The auth and bad-input sweeps every service runs over all its endpoints: what answered otherwise than it must. */
public final class Sweep {

    private Sweep() {
    }

    /**
     * One endpoint of a service's API: method, path with placeholders such as {@code {user}}, JSON body (a map's string
     * values may hold placeholders too), and whether a caller without the endpoint's permission must be refused.
     */
    public record Endpoint(String method, String path, Object body, boolean needsPermission) {

        public Endpoint(String method, String path, Object body) {
            this(method, path, body, true);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Endpoints that did not answer {@code expected} when called with {@code token} (null: without a token). */
    public static List<String> answering(String token, List<Endpoint> endpoints, UnaryOperator<String> fill, int expected) {
        return unexpected(endpoints, e -> call(token == null ? given() : given().auth().oauth2(token), e, fill), expected);
    }

    /** Endpoints naming an id (a placeholder in their path) that did not answer another network's caller with 404. */
    public static List<String> notHidden(String strangerToken, List<Endpoint> endpoints, UnaryOperator<String> fill) {
        return answering(strangerToken, endpoints.stream().filter(e -> e.path().contains("{")).toList(), fill, 404);
    }

    /** Sends the endpoint's request with {@code spec}, its placeholders replaced by {@code fill}. */
    public static Response call(RequestSpecification spec, Endpoint endpoint, UnaryOperator<String> fill) {
        if (endpoint.body() != null) {
            Object body = endpoint.body();
            if (body instanceof Map<?, ?> map) {
                Map<Object, Object> filled = new LinkedHashMap<>(map);
                filled.replaceAll((k, v) -> v instanceof String text ? fill.apply(text) : v);
                body = filled;
            }
            spec = spec.contentType(ContentType.JSON).body(body);
        }
        return spec.request(endpoint.method(), fill.apply(endpoint.path()));
    }

    /** Endpoints whose answer was not {@code expected} (an error answer must also be problem+json). */
    public static <E> List<String> unexpected(List<E> endpoints, Function<E, Response> call, int expected) {
        List<String> wrong = new ArrayList<>();
        for (E endpoint : endpoints) {
            Response response = call.apply(endpoint);
            boolean problem = String.valueOf(response.contentType()).startsWith("application/problem+json");
            if (response.statusCode() != expected || (expected >= 400 && !problem)) {
                wrong.add(endpoint + " → " + response.statusCode() + " " + response.contentType());
            }
        }
        return wrong;
    }

    /**
     * Bad requests, each {@code {method, path, json body or null}}, sent with the token: those not refused with a 4xx
     * problem (a 5xx or a success is a finding).
     */
    public static List<String> notRejected(String token, List<String[]> cases) {
        List<String> wrong = new ArrayList<>();
        for (String[] c : cases) {
            RequestSpecification spec = given().auth().oauth2(token).contentType(ContentType.JSON);
            if (c[2] != null) {
                spec = spec.body(c[2]);
            }
            Response response = spec.request(c[0], c[1]);
            if (response.statusCode() < 400 || response.statusCode() >= 500
                    || !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                wrong.add(c[0] + " " + c[1] + " " + c[2] + " → " + response.statusCode() + " " + response.contentType());
            }
        }
        return wrong;
    }
}
