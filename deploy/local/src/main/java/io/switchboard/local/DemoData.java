package io.switchboard.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Loads the demo network and its admin through the public API, as a person would. */
public final class DemoData {

    public static final String NETWORK = "Demo Home Services";
    public static final String ADMIN_EMAIL = "admin@demo.switchboard.dev";
    public static final String ADMIN_PASSWORD = "switchboard-demo";

    private DemoData() {
    }

    /** The demo tenant's ServiceTitan id; the walk-through registers it as a tenant of the demo network. */
    public static final long SERVICETITAN_TENANT = 1045321;

    /** ServiceTitan employees matching the demo users, so sync-service links them by email. */
    public static void seedServiceTitan(io.switchboard.sandbox.ServiceTitanSandbox serviceTitan) {
        serviceTitan.addEmployee(SERVICETITAN_TENANT, "Dana Admin", ADMIN_EMAIL);
        serviceTitan.addEmployee(SERVICETITAN_TENANT, "Riley Chen", "riley.chen@demo.switchboard.dev");
        serviceTitan.addEmployee(SERVICETITAN_TENANT, "Sam Ortiz", "sam.ortiz@demo.switchboard.dev");
    }

    public static void load(LocalStack stack) {
        String body = """
                {"name": "%s", "admin": {"firstName": "Dana", "lastName": "Admin", "email": "%s", "password": "%s"}}"""
                .formatted(NETWORK, ADMIN_EMAIL, ADMIN_PASSWORD);
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.url("directory") + "/api/v1/networks"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("demo network not created: " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("demo network not created", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
