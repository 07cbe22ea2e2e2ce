package io.switchboard.platform.problem;

import java.util.List;

/** An error the caller can act on; rendered as application/problem+json with its status. */
public class ProblemException extends RuntimeException {

    private static final String TYPE_BASE = "https://switchboard.dev/problems/";

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = TYPE_BASE + slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException validation(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid; see errors";
        return new ProblemException(400, "validation", "The request is invalid", detail, errors);
    }

    public static ProblemException invalidField(String field, String message) {
        return validation(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", what + " not found", "No " + what.toLowerCase() + " with id " + id
                + " exists in your network", List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "The request conflicts with the current state", detail, List.of());
    }

    public static ProblemException versionConflict(String what, long expected, long actual) {
        return new ProblemException(409, "version-conflict", "Someone else changed this " + what.toLowerCase(),
                "You sent version " + expected + " but the " + what.toLowerCase() + " is at version " + actual
                        + "; reload it and apply your change again", List.of());
    }

    /** The caller's If-Match names a version that is no longer current. */
    public static ProblemException preconditionFailed(String what, long expected, long actual) {
        return new ProblemException(412, "precondition-failed", "Someone else changed this " + what.toLowerCase(),
                "If-Match named version " + expected + " but the " + what.toLowerCase() + " is at version " + actual
                        + "; reload it and apply your change again", List.of());
    }

    /** An update came without the version it was based on. */
    public static ProblemException preconditionRequired(String what) {
        return new ProblemException(428, "precondition-required", "Say which version you are changing",
                "Send the " + what.toLowerCase() + "'s version in an If-Match header (its ETag) or as \"version\" in the body, "
                        + "so that your change cannot silently overwrite someone else's", List.of());
    }

    public static ProblemException gone(String detail) {
        return new ProblemException(410, "gone", "No longer valid", detail, List.of());
    }

    public static ProblemException tooManyRequests(String detail) {
        return new ProblemException(429, "too-many-requests", "Too many attempts", detail, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Not permitted", detail, List.of());
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "unauthorized", "Sign-in required", detail, List.of());
    }

    public int status() {
        return status;
    }

    public Problem toProblem() {
        return new Problem(type, title, status, getMessage(), errors);
    }
}
