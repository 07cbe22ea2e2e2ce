package io.switchboard.routing.rest;

import io.quarkus.security.Authenticated;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.security.CallerContext;
import io.switchboard.platform.security.Permission;
import io.switchboard.routing.domain.RoutingUser;
import io.switchboard.routing.domain.VoicemailBox;
import io.switchboard.routing.domain.VoicemailMessage;
import io.switchboard.routing.service.RoutingEvents;
import io.switchboard.routing.service.VoicemailService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user's personal voicemail and its messages. */
@Path("/api/v1/users/{userId}/voicemail")
@Authenticated
public class VoicemailResource {

    public record VoicemailRequest(Boolean emailNotifications, @Size(max = 50) List<String> ccRecipients) {
    }

    public record VoicemailRepresentation(boolean enabled, boolean emailNotifications, String primaryRecipient,
                                          List<String> ccRecipients, long messages) {
    }

    public record MessageRequest(@NotBlank @Size(max = 40) String caller, Instant receivedAt,
                                 @NotNull @PositiveOrZero @Max(36_000) Integer durationSeconds,
                                 @NotBlank @Size(max = 500) String audioRef) {
    }

    public record MessageRepresentation(UUID id, String caller, Instant receivedAt, int durationSeconds, String audioRef,
                                        boolean read, Instant readAt) {
        static MessageRepresentation of(VoicemailMessage m) {
            return new MessageRepresentation(m.id, m.caller, m.receivedAt, m.durationSeconds, m.audioRef, m.readAt != null, m.readAt);
        }
    }

    private final VoicemailService voicemail;
    private final RoutingEvents events;
    private final CallerContext caller;

    public VoicemailResource(VoicemailService voicemail, RoutingEvents events, CallerContext caller) {
        this.voicemail = voicemail;
        this.events = events;
        this.caller = caller;
    }

    @GET
    public VoicemailRepresentation get(@PathParam("userId") UUID userId) {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        return voicemail.get(caller.networkId(), userId).map(this::representation)
                .orElse(new VoicemailRepresentation(false, false, null, List.of(), 0));
    }

    @PUT
    @Operation(summary = "Turn personal voicemail on, or change its e-mail notifications and CC recipients (at most 10 hub users)")
    public VoicemailRepresentation enable(@PathParam("userId") UUID userId, @NotNull @Valid VoicemailRequest request) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        VoicemailBox box = voicemail.enable(caller.networkId(), userId, new VoicemailService.Settings(
                request.emailNotifications() == null || request.emailNotifications(),
                request.ccRecipients()), caller.actor());
        return representation(box);
    }

    @DELETE
    @Operation(summary = "Turn personal voicemail off: deletes the box and its messages; needs ?confirm=true")
    public Response disable(@PathParam("userId") UUID userId, @QueryParam("confirm") String confirm) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        if (confirm != null && !confirm.equalsIgnoreCase("true") && !confirm.equalsIgnoreCase("false")) {
            throw ProblemException.invalidField("confirm", "must be true to delete the box and its messages");
        }
        voicemail.disable(caller.networkId(), userId, "true".equalsIgnoreCase(confirm), caller.actor());
        return Response.noContent().build();
    }

    @GET
    @Path("/messages")
    public List<MessageRepresentation> messages(@PathParam("userId") UUID userId) {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        return voicemail.messages(caller.networkId(), userId).stream().map(MessageRepresentation::of).toList();
    }

    @POST
    @Path("/messages")
    @Operation(summary = "Intake from the phone system: a message left for the user; e-mails the notification")
    public Response receive(@PathParam("userId") UUID userId, @NotNull @Valid MessageRequest request) {
        caller.require(Permission.TELEPHONY_INTAKE);
        VoicemailMessage m = voicemail.receive(caller.networkId(), userId, request.caller().trim(),
                request.receivedAt() == null ? Instant.now() : request.receivedAt(), request.durationSeconds(), request.audioRef());
        return Response.created(URI.create("/api/v1/users/" + userId + "/voicemail/messages/" + m.id))
                .entity(MessageRepresentation.of(m)).build();
    }

    @POST
    @Path("/messages/{messageId}/read")
    public MessageRepresentation markRead(@PathParam("userId") UUID userId, @PathParam("messageId") UUID messageId) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        return MessageRepresentation.of(voicemail.markRead(caller.networkId(), userId, messageId));
    }

    @DELETE
    @Path("/messages/{messageId}")
    public Response deleteMessage(@PathParam("userId") UUID userId, @PathParam("messageId") UUID messageId) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        voicemail.deleteMessage(caller.networkId(), userId, messageId);
        return Response.noContent().build();
    }

    private VoicemailRepresentation representation(VoicemailBox box) {
        RoutingUser owner = RoutingUser.findById(box.userId);
        List<String> cc = events.ccOf(box.userId).stream().map(id -> RoutingUser.<RoutingUser>findById(id))
                .filter(u -> u != null && u.email != null).map(u -> u.email).sorted().toList();
        return new VoicemailRepresentation(true, box.emailNotifications, owner == null ? null : owner.email, cc,
                voicemail.messageCount(box.userId));
    }
}
