package io.switchboard.seat.rest;

import io.quarkus.security.Authenticated;
import io.switchboard.platform.rest.Paging;
import io.switchboard.platform.security.CallerContext;
import io.switchboard.platform.security.Permission;
import io.switchboard.seat.service.JobRequest;
import io.switchboard.seat.service.JobService;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.UUID;

/** Set Up Users and Edit Users (seed 003) as server-side jobs: 202 at once, then progress by polling or job.completed. */
@Path("/api/v1/jobs")
@Authenticated
public class JobResource {

    private final JobService jobs;
    private final CallerContext caller;

    public JobResource(JobService jobs, CallerContext caller) {
        this.jobs = jobs;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Start a setup job (seat, direct line, E911, voicemail and recording, queues) or an edit job "
            + "(one action) for 1 to 1,000 users; the whole request is checked first and a 400 lists every bad row")
    public RestResponse<JobService.JobView> submit(@NotNull(message = "send the job as JSON") JobRequest request) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        var job = jobs.submit(caller.networkId(), caller.actor(), request);
        return accepted(job.id(), jobs.summary(caller.networkId(), job.id()));
    }

    @GET
    @Operation(summary = "The network's jobs, newest first, with their progress")
    public JobService.JobPage list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        return jobs.list(caller.networkId(), Paging.limit(limit), cursor);
    }

    @GET
    @Path("/{jobId}")
    @Operation(summary = "A job's progress (counts and percent) and each user's steps with their reasons; "
            + "?unfinished=true lists only users not yet complete")
    public JobService.JobView get(@PathParam("jobId") UUID jobId, @QueryParam("unfinished") boolean unfinished) {
        caller.require(Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        return jobs.view(caller.networkId(), jobId, unfinished);
    }

    @POST
    @Path("/{jobId}/retry")
    @Operation(summary = "Run the failed steps of a completed job again (and the steps they held back); "
            + "steps that succeeded are not repeated")
    public RestResponse<JobService.JobView> retry(@PathParam("jobId") UUID jobId) {
        caller.require(Permission.EDIT_USER_MANAGEMENT);
        return accepted(jobId, jobs.retry(caller.networkId(), jobId));
    }

    private static RestResponse<JobService.JobView> accepted(UUID jobId, JobService.JobView view) {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED, view)
                .location(URI.create("/api/v1/jobs/" + jobId)).build();
    }
}
