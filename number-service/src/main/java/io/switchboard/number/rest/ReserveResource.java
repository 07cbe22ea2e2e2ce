package io.switchboard.number.rest;

import io.quarkus.security.Authenticated;
import io.switchboard.number.domain.ReserveNumber;
import io.switchboard.platform.security.CallerContext;
import io.switchboard.platform.security.Permission;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/numbers/reserve")
@Authenticated
public class ReserveResource {

    public record ReservedNumber(String number, UUID releasedFromUser, Instant releasedAt) {
    }

    private final CallerContext caller;

    public ReserveResource(CallerContext caller) {
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The network's reserve list: numbers released from people, assignable again")
    public List<ReservedNumber> list() {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        return ReserveNumber.<ReserveNumber>list("networkId = ?1 order by releasedAt desc, number", caller.networkId())
                .stream().map(r -> new ReservedNumber(r.number, r.releasedFromUser, r.releasedAt)).toList();
    }
}
