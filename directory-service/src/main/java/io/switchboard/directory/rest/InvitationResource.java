package io.switchboard.directory.rest;

import io.switchboard.directory.service.InvitationService;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Accepting an invitation needs no token: the invitation link is the credential. */
@Path("/api/v1/invitations")
@PermitAll
public class InvitationResource {

    public record AcceptRequest(@NotBlank @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String password) {
    }

    private final InvitationService invitations;

    public InvitationResource(InvitationService invitations) {
        this.invitations = invitations;
    }

    @POST
    @Path("/{token}/accept")
    @Operation(summary = "Accept an invitation: set the password and activate the account (single use, expires)")
    public UserRepresentation accept(@PathParam("token") String token, @NotNull @Valid AcceptRequest request) {
        return UserRepresentation.of(invitations.accept(token, request.password()));
    }
}
