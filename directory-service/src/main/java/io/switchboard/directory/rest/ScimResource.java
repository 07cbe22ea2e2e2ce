package io.switchboard.directory.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.directory.domain.User;
import io.switchboard.directory.domain.UserStatus;
import io.switchboard.directory.service.ScimService;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.rest.Versions;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * SCIM 2.0 for the customer's identity provider (Microsoft Entra, Okta, …), authenticated by the network's SCIM
 * secret rather than a user token. Errors use SCIM's own error schema, which is what provisioning clients parse.
 */
@Path("/scim/v2")
@PermitAll
@Produces(ScimResource.SCIM_JSON)
@Consumes({ScimResource.SCIM_JSON, MediaType.APPLICATION_JSON})
public class ScimResource {

    static final String SCIM_JSON = "application/scim+json";
    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    private static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScimService scim;

    public ScimResource(ScimService scim) {
        this.scim = scim;
    }

    @POST
    @Path("/Users")
    @Operation(summary = "SCIM: provision a user (userName = email); active=false provisions them deactivated")
    public Response create(@HeaderParam("Authorization") String auth, String body) {
        return handle(() -> {
            UUID network = network(auth);
            User user = scim.create(network, toUser(parse(body)));
            return Response.created(URI.create("/scim/v2/Users/" + user.id)).entity(write(resource(user))).build();
        });
    }

    @GET
    @Path("/Users/{id}")
    public Response get(@HeaderParam("Authorization") String auth, @PathParam("id") String id) {
        return handle(() -> ok(resource(scim.get(network(auth), uuid(id)))));
    }

    @GET
    @Path("/Users")
    @Operation(summary = "SCIM: list users; filter=userName eq \"…\" (or externalId, emails.value)")
    public Response list(@HeaderParam("Authorization") String auth, @QueryParam("filter") String filter,
                         @QueryParam("startIndex") String startIndex, @QueryParam("count") String count) {
        return handle(() -> {
            UUID network = network(auth);
            int start = Math.max(1, intParam(startIndex, 1, "startIndex"));
            int size = Math.min(200, Math.max(0, intParam(count, 100, "count")));
            ScimService.Listed listed = scim.list(network, filter, start, size);
            ObjectNode out = JSON.createObjectNode();
            out.putArray("schemas").add(LIST_SCHEMA);
            out.put("totalResults", listed.total());
            out.put("startIndex", start);
            out.put("itemsPerPage", listed.users().size());
            ArrayNode resources = out.putArray("Resources");
            listed.users().forEach(u -> resources.add(resource(u)));
            return ok(out);
        });
    }

    @PUT
    @Path("/Users/{id}")
    public Response replace(@HeaderParam("Authorization") String auth, @PathParam("id") String id, String body) {
        return handle(() -> ok(resource(scim.replace(network(auth), uuid(id), toUser(parse(body))))));
    }

    @PATCH
    @Path("/Users/{id}")
    @Operation(summary = "SCIM: PatchOp (add / replace / remove, any letter case); active=false deactivates with full teardown")
    public Response patch(@HeaderParam("Authorization") String auth, @PathParam("id") String id, String body) {
        return handle(() -> {
            UUID network = network(auth);
            return ok(resource(scim.patch(network, uuid(id), fromPatch(parse(body)))));
        });
    }

    @DELETE
    @Path("/Users/{id}")
    @Operation(summary = "SCIM: deprovision = deactivate (the user and their history are kept; teardown runs everywhere)")
    public Response delete(@HeaderParam("Authorization") String auth, @PathParam("id") String id) {
        return handle(() -> {
            scim.deactivate(network(auth), uuid(id));
            return Response.noContent().build();
        });
    }

    @GET
    @Path("/ServiceProviderConfig")
    public Response serviceProviderConfig(@HeaderParam("Authorization") String auth) {
        return handle(() -> {
            network(auth);
            return ok(JSON.valueToTree(Map.of(
                    "schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"),
                    "patch", Map.of("supported", true),
                    "bulk", Map.of("supported", false, "maxOperations", 0, "maxPayloadSize", 0),
                    "filter", Map.of("supported", true, "maxResults", 200),
                    "changePassword", Map.of("supported", false),
                    "sort", Map.of("supported", false),
                    "etag", Map.of("supported", true),
                    "authenticationSchemes", List.of(Map.of("type", "oauthbearertoken", "name", "Bearer secret",
                            "description", "The network's SCIM secret from POST /api/v1/scim/secret", "primary", true)))));
        });
    }

    @GET
    @Path("/ResourceTypes")
    public Response resourceTypes(@HeaderParam("Authorization") String auth) {
        return handle(() -> {
            network(auth);
            return ok(JSON.valueToTree(Map.of(
                    "schemas", List.of(LIST_SCHEMA), "totalResults", 1, "startIndex", 1, "itemsPerPage", 1,
                    "Resources", List.of(Map.of(
                            "schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:ResourceType"),
                            "id", "User", "name", "User", "endpoint", "/Users", "schema", USER_SCHEMA,
                            "meta", Map.of("resourceType", "ResourceType", "location", "/scim/v2/ResourceTypes/User"))))));
        });
    }

    @GET
    @Path("/Schemas")
    public Response schemas(@HeaderParam("Authorization") String auth) {
        return handle(() -> {
            network(auth);
            List<Map<String, Object>> attributes = List.of(
                    attribute("userName", "string", true, "The user's email; their hub sign-in, unique in the network"),
                    Map.of("name", "name", "type", "complex", "multiValued", false, "required", true,
                            "subAttributes", List.of(attribute("givenName", "string", true, "First name"),
                                    attribute("familyName", "string", true, "Last name"))),
                    attribute("externalId", "string", false, "The identity provider's id for the user"),
                    Map.of("name", "emails", "type", "complex", "multiValued", true, "required", false,
                            "subAttributes", List.of(attribute("value", "string", false, "Email address"))),
                    Map.of("name", "phoneNumbers", "type", "complex", "multiValued", true, "required", false,
                            "subAttributes", List.of(attribute("value", "string", false, "Phone number"))),
                    attribute("active", "boolean", false, "false deactivates the user (teardown everywhere)"));
            return ok(JSON.valueToTree(Map.of(
                    "schemas", List.of(LIST_SCHEMA), "totalResults", 1, "startIndex", 1, "itemsPerPage", 1,
                    "Resources", List.of(Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:Schema"),
                            "id", USER_SCHEMA, "name", "User", "description", "Hub user", "attributes", attributes)))));
        });
    }

    private static Map<String, Object> attribute(String name, String type, boolean required, String description) {
        return Map.of("name", name, "type", type, "multiValued", false, "required", required,
                "mutability", "readWrite", "returned", "default", "description", description);
    }

    private UUID network(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ProblemException.unauthorized("Send the network's SCIM secret as a bearer token");
        }
        return scim.networkOf(authorization.substring(7).trim())
                .orElseThrow(() -> ProblemException.unauthorized("The SCIM secret is not valid; issue a new one in the hub"));
    }

    static ObjectNode resource(User u) {
        ObjectNode node = JSON.createObjectNode();
        node.putArray("schemas").add(USER_SCHEMA);
        node.put("id", u.id.toString());
        if (u.externalId != null) {
            node.put("externalId", u.externalId);
        }
        node.put("userName", u.email);
        ObjectNode name = node.putObject("name");
        name.put("givenName", u.firstName);
        name.put("familyName", u.lastName);
        name.put("formatted", u.fullName());
        node.put("displayName", u.fullName());
        node.putArray("emails").addObject().put("value", u.email).put("type", "work").put("primary", true);
        if (u.phone != null) {
            node.putArray("phoneNumbers").addObject().put("value", u.phone).put("type", "work");
        }
        node.put("active", u.status != UserStatus.DEACTIVATED);
        ObjectNode meta = node.putObject("meta");
        meta.put("resourceType", "User");
        meta.put("created", u.createdAt.toString());
        meta.put("lastModified", u.updatedAt.toString());
        meta.put("version", "W/" + Versions.etag(u.version));
        meta.put("location", "/scim/v2/Users/" + u.id);
        return node;
    }

    static ScimService.ScimUser toUser(JsonNode in) {
        JsonNode name = in.path("name");
        return new ScimService.ScimUser(text(in.get("userName")), text(name.get("givenName")), text(name.get("familyName")),
                primaryValue(in.get("emails")), primaryValue(in.get("phoneNumbers")),
                ScimService.bool(in.get("active"), "active"), text(in.get("externalId")));
    }

    /** Folds the operations into one change; unknown paths are refused rather than silently ignored. */
    static ScimService.ScimUser fromPatch(JsonNode in) {
        JsonNode ops = in.get("Operations");
        if (ops == null || !ops.isArray() || ops.isEmpty()) {
            throw ProblemException.invalidField("Operations", "give at least one operation");
        }
        String[] v = new String[6];
        Boolean active = null;
        for (JsonNode op : ops) {
            String kind = text(op.get("op"));
            if (kind == null || !List.of("add", "replace", "remove").contains(kind.toLowerCase(Locale.ROOT))) {
                throw ProblemException.invalidField("Operations.op", "must be add, replace or remove");
            }
            boolean remove = kind.equalsIgnoreCase("remove");
            String path = text(op.get("path"));
            JsonNode value = op.get("value");
            if (path == null) {
                if (value == null || !value.isObject()) {
                    throw ProblemException.invalidField("Operations.value", "an operation without a path needs an object value");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (field.getKey().equalsIgnoreCase("name") && field.getValue().isObject()) {
                        field.getValue().fields().forEachRemaining(sub -> setAttribute(v, "name." + sub.getKey(), sub.getValue(), false));
                    } else if (field.getKey().equalsIgnoreCase("active")) {
                        active = ScimService.bool(field.getValue(), "active");
                    } else {
                        setAttribute(v, field.getKey(), field.getValue(), false);
                    }
                }
            } else if (path.equalsIgnoreCase("active")) {
                active = remove ? null : ScimService.bool(value, "active");
            } else {
                setAttribute(v, path, value, remove);
            }
        }
        return new ScimService.ScimUser(v[0], v[1], v[2], v[3], v[4], active, v[5]);
    }

    /** Sets one simple attribute into v: userName, givenName, familyName, email, phone, externalId. */
    private static void setAttribute(String[] v, String path, JsonNode value, boolean remove) {
        String p = path.replace(" ", "").toLowerCase(Locale.ROOT);
        String text = remove ? "" : value != null && (value.isArray() || value.isObject()) ? primaryValue(value) : text(value);
        int slot = switch (p) {
            case "username" -> 0;
            case "name.givenname" -> 1;
            case "name.familyname" -> 2;
            case "emails", "emails[type eq \"work\"].value", "emails[primary eq true].value" -> 3;
            case "phonenumbers", "phonenumbers[type eq \"work\"].value", "phonenumbers[type eq \"mobile\"].value" -> 4;
            case "externalid" -> 5;
            case "displayname", "name.formatted", "title", "preferredlanguage" -> -1;
            default -> throw new ProblemException(400, "invalidPath", "Unsupported attribute",
                    "The attribute " + path + " cannot be changed through SCIM here", List.of());
        };
        if (remove && slot >= 0 && slot <= 3) {
            throw new ProblemException(400, "mutability", "Required attribute", path + " cannot be removed", List.of());
        }
        if (slot >= 0) {
            v[slot] = text;
        }
    }

    private static String primaryValue(JsonNode list) {
        if (list == null || list.isNull()) {
            return null;
        }
        if (list.isObject()) {
            return text(list.get("value"));
        }
        if (!list.isArray() || list.isEmpty()) {
            return null;
        }
        for (JsonNode item : list) {
            if (ScimService.bool(item.get("primary"), "primary") == Boolean.TRUE) {
                return text(item.get("value"));
            }
        }
        return text(list.get(0).get("value"));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw ProblemException.invalidField("body", "send a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ProblemException.invalidField("body", "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("User", id);
        }
    }

    private static int intParam(String raw, int fallback, String name) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(name, "must be a whole number");
        }
    }

    private static Response ok(JsonNode node) {
        return Response.ok(write(node)).type(SCIM_JSON).build();
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a SCIM operation and turns any problem into SCIM's error schema. */
    private static Response handle(Supplier<Response> operation) {
        try {
            return operation.get();
        } catch (ProblemException e) {
            var problem = e.toProblem();
            ObjectNode error = JSON.createObjectNode();
            error.putArray("schemas").add(ERROR_SCHEMA);
            error.put("status", String.valueOf(problem.status()));
            String scimType = switch (problem.status()) {
                case 409 -> "uniqueness";
                case 400 -> problem.type().endsWith("invalidFilter") ? "invalidFilter"
                        : problem.type().endsWith("invalidPath") ? "invalidPath"
                        : problem.type().endsWith("mutability") ? "mutability" : "invalidValue";
                default -> null;
            };
            if (scimType != null) {
                error.put("scimType", scimType);
            }
            error.put("detail", problem.detail());
            return Response.status(problem.status()).type(SCIM_JSON).entity(write(error)).build();
        }
    }
}
