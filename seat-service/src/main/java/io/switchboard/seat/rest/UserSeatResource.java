package io.switchboard.seat.rest;

import io.quarkus.security.Authenticated;
import io.switchboard.platform.security.CallerContext;
import io.switchboard.platform.security.Permission;
import io.switchboard.seat.domain.E911Address;
import io.switchboard.seat.domain.UserRow;
import io.switchboard.seat.e911.AddressValidator;
import io.switchboard.seat.service.SeatService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.switchboard.platform.rest.Versions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's seat and E911 address. Its own class at {@code /api/v1/users/{userId}/…}: a class at {@code /api/v1} would
 * lose every such request to {@link UserDetailResource}, whose class path matches more of it.
 */
@Path("/api/v1/users/{userId}")
@Authenticated
public class UserSeatResource {


    /** {@code version} (or If-Match) is optional: when given, the change is refused if the seat changed since it was read. */
    public record SeatRequest(@NotNull(message = "give none, basic or advanced") String level, UUID billToTenantId,
                              Long version) {
    }

    public record SeatRepresentation(UUID userId, String level, UUID billToTenantId, String directLine, boolean e911, long version) {
    }

    public record AddressRequest(@Size(max = 200) String street, @Size(max = 100) String unit, @Size(max = 100) String city,
                                 @Size(max = 60) String state, @Size(max = 40) String country, @Size(max = 20) String postalCode,
                                 Boolean allowUnverified, Long version) {
        public AddressValidator.Address address() {
            return new AddressValidator.Address(street, unit, city, state, country, postalCode);
        }
    }

    public record E911Representation(String street, String unit, String city, String state, String country,
                                     String postalCode, boolean verified, String warning, Instant updatedAt) {
        static E911Representation of(E911Address a) {
            return new E911Representation(a.street, a.unit, a.city, a.state, a.country, a.postalCode, a.verified, a.warning,
                    a.updatedAt);
        }
    }

    private final SeatService seats;
    private final CallerContext caller;

    public UserSeatResource(SeatService seats, CallerContext caller) {
        this.seats = seats;
        this.caller = caller;
    }

    @GET
    @Path("/seat")
    @Operation(summary = "The seat; the ETag carries the seat version an update may send back in If-Match")
    public RestResponse<SeatRepresentation> getSeat(@PathParam("userId") UUID userId) {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        return withEtag(seats.seat(caller.networkId(), userId));
    }

    @PUT
    @Path("/seat")
    @Operation(summary = "Set the seat (none, basic, advanced) and the tenant it is billed to; a first seat needs a direct "
            + "line and E911. With If-Match or a body version, refused (412/409) if the seat changed since it was read")
    public RestResponse<SeatRepresentation> seat(@PathParam("userId") UUID userId, @HeaderParam("If-Match") String ifMatch,
                                                 @NotNull @Valid SeatRequest request) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        return withEtag(seats.setSeat(caller.networkId(), userId, request.level(), request.billToTenantId(),
                optionalVersion(ifMatch, request.version()), caller.actor()));
    }

    @PUT
    @Path("/e911")
    @Operation(summary = "Save the E911 address of the user's line (normalized); an invalid one only with allowUnverified=true")
    public E911Representation setE911(@PathParam("userId") UUID userId, @HeaderParam("If-Match") String ifMatch,
                                      @NotNull @Valid AddressRequest request) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        return E911Representation.of(seats.setE911(caller.networkId(), userId, request.address(),
                Boolean.TRUE.equals(request.allowUnverified()), optionalVersion(ifMatch, request.version()), caller.actor()));
    }

    /** Seats predate versioned updates: a caller that names no version still may change them (last write wins). */
    private static Versions.Expected optionalVersion(String ifMatch, Long version) {
        return (ifMatch == null || ifMatch.isBlank()) && version == null ? null
                : Versions.expected(ifMatch, version, "Seat");
    }

    private static RestResponse<SeatRepresentation> withEtag(UserRow row) {
        return RestResponse.ResponseBuilder.ok(new SeatRepresentation(row.userId, row.seatLevel.toLowerCase(), row.billTo,
                row.directLine, E911Address.findById(row.userId) != null, row.seatVersion))
                .header("ETag", Versions.etag(row.seatVersion)).build();
    }

    @GET
    @Path("/e911")
    public E911Representation e911(@PathParam("userId") UUID userId) {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        return seats.e911(caller.networkId(), userId).map(E911Representation::of)
                .orElseThrow(() -> io.switchboard.platform.problem.ProblemException.notFound("E911 address of user", userId));
    }
}
