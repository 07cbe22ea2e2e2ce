package io.switchboard.testing;

import io.switchboard.platform.events.EventEnvelope;
import io.switchboard.platform.events.EventJson;

import java.time.Instant;
import java.util.UUID;

/** Events shaped as another service would publish them, for feeding a service under test. */
public final class TestEvents {

    private TestEvents() {
    }

    public static EventEnvelope event(UUID networkId, UUID subject, String type, Object body) {
        return new EventEnvelope(UUID.randomUUID(), type, "switchboard/test", subject.toString(), Instant.now(), networkId,
                "user:test", EventJson.write(body));
    }
}
