package io.switchboard.number.rest;

import io.quarkus.security.Authenticated;
import io.switchboard.number.carrier.Carrier;
import io.switchboard.number.domain.PhoneNumber;
import io.switchboard.number.service.InventoryService;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.rest.Paging;
import io.switchboard.platform.security.CallerContext;
import io.switchboard.platform.security.Permission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/** The network's phone numbers (seed 000: buying numbers), and the carrier search behind "Add New Number". */
@Path("/api/v1/numbers")
@Authenticated
public class NumberResource {

    /** The seed's defaults: forward to the default number, no SMS, not a lead, no campaign. */
    public record PurchaseRequest(
            @NotBlank String number,
            @NotNull(message = "say what the number is for: direct-line, tracking or marketing") String usage,
            @Valid ForwardingRequest forwarding,
            Boolean smsAllowed,
            Boolean isLead,
            @Size(max = 100) String campaign) {
    }

    public record ForwardingRequest(Boolean useDefault, String number) {
    }

    public record AvailablePage(List<String> numbers, String nextCursor) {
    }

    public record NumberPage(List<NumberRepresentation> items, String nextCursor) {
    }

    private final InventoryService inventory;
    private final CallerContext caller;

    public NumberResource(InventoryService inventory, CallerContext caller) {
        this.inventory = inventory;
        this.caller = caller;
    }

    @GET
    @Path("/available")
    @Operation(summary = "Search the carrier: local by areaCode or zip, or tollFree=true; contains= digits or letters (keypad); the cursor is \"Load More\"")
    public AvailablePage available(@QueryParam("areaCode") String areaCode, @QueryParam("zip") String zip,
                                   @QueryParam("tollFree") String tollFree, @QueryParam("contains") String contains,
                                   @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        caller.require(Permission.MANAGE_NUMBERS);
        boolean tf = tollFree != null && !tollFree.isBlank() && parseBoolean(tollFree, "tollFree");
        Carrier.Page page = inventory.search(new InventoryService.SearchQuery(blankToNull(areaCode), blankToNull(zip), tf,
                contains, Paging.limit(limit), cursor));
        return new AvailablePage(page.numbers(), page.nextCursor());
    }

    @POST
    @Operation(summary = "Buy a number (usage direct-line, tracking or marketing); published as number.purchased and assignable at once")
    public Response purchase(@NotNull @Valid PurchaseRequest request) {
        caller.require(Permission.MANAGE_NUMBERS);
        ForwardingRequest forwarding = request.forwarding() == null ? new ForwardingRequest(true, null) : request.forwarding();
        boolean useDefault = forwarding.useDefault() == null || forwarding.useDefault();
        PhoneNumber n = inventory.purchase(caller.networkId(), new InventoryService.Purchase(request.number(),
                usage(request.usage()), useDefault, forwarding.number(), Boolean.TRUE.equals(request.smsAllowed()),
                Boolean.TRUE.equals(request.isLead()), request.campaign()), caller.actor());
        return Response.created(URI.create("/api/v1/numbers/" + n.number)).entity(NumberRepresentation.of(n)).build();
    }

    @GET
    @Operation(summary = "The inventory: filters status (available, assigned, reserved), usage, areaCode, search (digits); cursor paging")
    public NumberPage list(@QueryParam("status") String status, @QueryParam("usage") String usage,
                           @QueryParam("areaCode") String areaCode, @QueryParam("search") String search,
                           @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        caller.require(Permission.MANAGE_NUMBERS, Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        PhoneNumber.Status s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = PhoneNumber.Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("status", "must be one of available, assigned, reserved");
            }
        }
        if (areaCode != null && !areaCode.isBlank() && !areaCode.matches("\\d{3}")) {
            throw ProblemException.invalidField("areaCode", "must be 3 digits");
        }
        var page = inventory.list(caller.networkId(), new InventoryService.ListQuery(s,
                usage == null || usage.isBlank() ? null : usage(usage), blankToNull(areaCode), search, Paging.limit(limit), cursor));
        return new NumberPage(page.numbers().stream().map(NumberRepresentation::of).toList(), page.nextCursor());
    }

    @GET
    @Path("/reserve")
    @Operation(summary = "The reserve list: numbers released from people, assignable again (same as ?status=reserved)")
    public NumberPage reserve(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return list("reserved", null, null, null, limit, cursor);
    }

    @GET
    @Path("/{number}")
    public NumberRepresentation get(@PathParam("number") String number) {
        caller.require(Permission.MANAGE_NUMBERS, Permission.VIEW_USER_MANAGEMENT, Permission.EDIT_USER_MANAGEMENT);
        return NumberRepresentation.of(inventory.get(caller.networkId(), number));
    }

    @DELETE
    @Path("/{number}")
    @Operation(summary = "Give a number nobody holds (available or on the reserve list) back to the carrier; publishes number.released")
    public Response release(@PathParam("number") String number) {
        caller.require(Permission.MANAGE_NUMBERS);
        inventory.release(caller.networkId(), number, caller.actor());
        return Response.noContent().build();
    }

    static PhoneNumber.Usage usage(String raw) {
        try {
            return PhoneNumber.Usage.valueOf(raw.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("usage", "must be one of direct-line, tracking, marketing");
        }
    }

    private static boolean parseBoolean(String raw, String field) {
        if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(raw);
        }
        throw ProblemException.invalidField(field, "must be true or false");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
