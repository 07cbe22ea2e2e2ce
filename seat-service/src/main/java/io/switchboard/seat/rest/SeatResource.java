package io.switchboard.seat.rest;

import io.quarkus.security.Authenticated;
import io.switchboard.platform.security.CallerContext;
import io.switchboard.platform.security.Permission;
import io.switchboard.seat.e911.AddressValidator;
import io.switchboard.seat.service.SeatService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;


/** Seat counts and E911 address validation. */
@Path("/api/v1")
@Authenticated
public class SeatResource {

    private final SeatService seats;
    private final CallerContext caller;

    public SeatResource(SeatService seats, CallerContext caller) {
        this.seats = seats;
        this.caller = caller;
    }

    @GET
    @Path("/seats/summary")
    @Operation(summary = "Seat counts per level and per bill-to tenant")
    public SeatService.Summary summary() {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        return seats.summary(caller.networkId());
    }

    @POST
    @Path("/e911/validate")
    @Operation(summary = "Validate and normalize an E911 address offline (USPS abbreviations, state and ZIP checks, suggestions)")
    public AddressValidator.Result validate(@NotNull @Valid UserSeatResource.AddressRequest request) {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        return seats.validate(request.address());
    }
}
