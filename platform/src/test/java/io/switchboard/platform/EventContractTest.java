package io.switchboard.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.platform.contract.AssignRandomDirectLines;
import io.switchboard.platform.contract.DirectLineChanged;
import io.switchboard.platform.contract.NumberChanged;
import io.switchboard.platform.contract.RandomDirectLinesAssigned;
import io.switchboard.platform.contract.OfficePhoneWritten;
import io.switchboard.platform.contract.QueueMemberChanged;
import io.switchboard.platform.contract.RecordingChanged;
import io.switchboard.platform.contract.RoleChanged;
import io.switchboard.platform.contract.SeatChanged;
import io.switchboard.platform.contract.VoicemailChanged;
import io.switchboard.platform.contract.SyncLinkChanged;
import io.switchboard.platform.contract.TenantChanged;
import io.switchboard.platform.contract.UserChanged;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.platform.contract.UserNumbersReleased;
import io.switchboard.platform.contract.UserRoutingReleased;
import io.switchboard.platform.events.EventJson;
import io.switchboard.platform.events.MalformedEventException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The published event bodies are an API. Each sample in src/test/resources/contracts is what consumers already rely
 * on: it must read into the contract record and write back field for field. Renaming or retyping a field fails here;
 * adding one means adding it to the sample too.
 */
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> contracts() {
        return Stream.of(
                Arguments.of(UserCreated.TYPE, UserCreated.class),
                Arguments.of(UserDeactivated.TYPE, UserDeactivated.class),
                Arguments.of(UserChanged.TENANTS_CHANGED, UserChanged.class),
                Arguments.of(RoleChanged.UPDATED, RoleChanged.class),
                Arguments.of(TenantChanged.CREATED, TenantChanged.class),
                Arguments.of(DirectLineChanged.ASSIGNED, DirectLineChanged.class),
                Arguments.of(NumberChanged.PURCHASED, NumberChanged.class),
                Arguments.of(AssignRandomDirectLines.TYPE, AssignRandomDirectLines.class),
                Arguments.of(RandomDirectLinesAssigned.TYPE, RandomDirectLinesAssigned.class),
                Arguments.of(SyncLinkChanged.NOT_FOUND, SyncLinkChanged.class),
                Arguments.of(OfficePhoneWritten.TYPE, OfficePhoneWritten.class),
                Arguments.of(SeatChanged.CHANGED, SeatChanged.class),
                Arguments.of(QueueMemberChanged.REMOVED, QueueMemberChanged.class),
                Arguments.of(VoicemailChanged.CREATED, VoicemailChanged.class),
                Arguments.of(RecordingChanged.TYPE, RecordingChanged.class),
                Arguments.of(UserNumbersReleased.TYPE, UserNumbersReleased.class),
                Arguments.of(UserRoutingReleased.TYPE, UserRoutingReleased.class),
                Arguments.of(io.switchboard.platform.contract.RoutingSteps.TYPE, io.switchboard.platform.contract.RoutingSteps.class),
                Arguments.of(io.switchboard.platform.contract.RoutingStepsDone.TYPE,
                        io.switchboard.platform.contract.RoutingStepsDone.class),
                Arguments.of(io.switchboard.platform.contract.JobCompleted.TYPE, io.switchboard.platform.contract.JobCompleted.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void sampleRoundTripsFieldForField(String type, Class<?> contract) throws Exception {
        JsonNode sample;
        try (InputStream in = getClass().getResourceAsStream("/contracts/" + type + ".json")) {
            assertThat(in).as("a sample for " + type).isNotNull();
            sample = JSON.readTree(in);
        }
        Object body = EventJson.read(sample.toString(), contract);
        assertThat(JSON.readTree(EventJson.write(body))).isEqualTo(sample);
    }

    @Test
    void consumersIgnoreFieldsAddedLaterButRejectBodiesOfTheWrongShape() {
        UserDeactivated newer = EventJson.read("""
                {"userId":"3f0c7d1e-7f0a-4a4e-9f57-1a2b3c4d5e6f","networkId":"907c7167-83f9-414e-8015-58a6abae6150",
                 "email":"a@b.c","version":3,"occurredAt":"2026-11-23T14:17:53Z","reasonCode":"left-company"}""",
                UserDeactivated.class);
        assertThat(newer.version()).isEqualTo(3);
        assertThatThrownBy(() -> EventJson.read("{\"userId\": 42, \"version\": \"three\"}", UserDeactivated.class))
                .isInstanceOf(MalformedEventException.class);
    }
}
