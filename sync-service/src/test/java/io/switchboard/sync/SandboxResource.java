package io.switchboard.sync;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.switchboard.sandbox.ServiceTitanSandbox;

import java.util.Map;

/** The ServiceTitan sandbox on a free port, once per test JVM; sync-service under test talks to it. */
public class SandboxResource implements QuarkusTestResourceLifecycleManager {

    private static ServiceTitanSandbox sandbox;

    public static synchronized ServiceTitanSandbox sandbox() {
        if (sandbox == null) {
            sandbox = ServiceTitanSandbox.start(0);
        }
        return sandbox;
    }

    @Override
    public Map<String, String> start() {
        String url = sandbox().url();
        return Map.of(
                "switchboard.sync.servicetitan.auth-url", url + "/connect/token",
                "switchboard.sync.servicetitan.api-url", url);
    }

    @Override
    public void stop() {
        // Shared for the whole JVM.
    }
}
