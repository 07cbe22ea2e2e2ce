package io.switchboard.seat.rest;

import io.quarkus.security.Authenticated;
import io.switchboard.platform.rest.Paging;
import io.switchboard.platform.security.CallerContext;
import io.switchboard.platform.security.Permission;
import io.switchboard.seat.domain.UserRow;
import io.switchboard.seat.service.UserManagementService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/user-management")
@Authenticated
public class UserManagementResource {

    /** A row of the table (seed 001): name, email, role, seat level, queues, direct line, E911 status, alerts. */
    public record Row(UUID userId, String firstName, String lastName, String email, String status, List<String> roles,
                      String seatLevel, List<String> queues, String directLine, String e911, List<String> alerts) {
        static Row of(UserRow r, UserManagementService.Extras x) {
            return new Row(r.userId, r.firstName, r.lastName, r.email, r.status.toLowerCase(), List.of(r.roles),
                    r.seatLevel.toLowerCase(), x.queues(), r.directLine, x.e911(), x.alerts());
        }
    }

    public record PageResponse(List<Row> items, String nextCursor) {
    }

    private final UserManagementService service;
    private final CallerContext caller;

    public UserManagementResource(UserManagementService service, CallerContext caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The User Management table: every non-deactivated user of your network; search, filter by seat "
            + "level, role and queue, sort by name or email")
    public PageResponse list(@QueryParam("search") String search,
                             @QueryParam("seat") String seat,
                             @QueryParam("role") String role,
                             @QueryParam("queue") String queue,
                             @QueryParam("sort") String sort,
                             @QueryParam("limit") String limit,
                             @QueryParam("cursor") String cursor) {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        UserManagementService.Page page = service.list(caller.networkId(),
                new UserManagementService.Filter(search, seat, role, queue), sort, Paging.limit(limit), cursor);
        var extras = service.extras(page.rows());
        return new PageResponse(page.rows().stream().map(r -> Row.of(r, extras.get(r.userId))).toList(), page.nextCursor());
    }
}
