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
        return from("test", "user:test", networkId, subject, type, body);
    }

    /** An event as {@code service} publishes it ({@code source = switchboard/<service>}) on behalf of {@code actor}. */
    public static EventEnvelope from(String service, String actor, UUID networkId, UUID subject, String type, Object body) {
        return new EventEnvelope(UUID.randomUUID(), type, "switchboard/" + service, subject.toString(), Instant.now(),
                networkId, actor, EventJson.write(body));
    }
}
