package io.switchboard.sync.rest;

import io.quarkus.security.Authenticated;
import io.switchboard.platform.security.CallerContext;
import io.switchboard.platform.security.Permission;
import io.switchboard.sync.service.ReconcileService;
import io.switchboard.sync.service.SyncStatusService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The network's write-back queue at a glance, and reconciliation on demand. */
@Path("/api/v1/sync")
@Authenticated
public class SyncResource {

    private final CallerContext caller;
    private final SyncStatusService status;
    private final ReconcileService reconcile;

    public SyncResource(CallerContext caller, SyncStatusService status, ReconcileService reconcile) {
        this.caller = caller;
        this.status = status;
        this.reconcile = reconcile;
    }

    @GET
    @Path("/status")
    @Operation(summary = "Pending and failed Office Phone writes, the oldest pending one's age, links by status")
    public SyncStatusService.Status status() {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        return status.of(caller.networkId());
    }

    @POST
    @Path("/reconcile")
    @Operation(summary = "Compare every linked employee's Office Phone with the expected line now, queue fixes, report them")
    public ReconcileService.Report reconcile() {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        return reconcile.reconcile(caller.networkId());
    }
}
