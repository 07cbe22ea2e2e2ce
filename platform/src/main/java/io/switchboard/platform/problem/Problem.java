package io.switchboard.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** RFC 9457 problem details, with the list of field errors for validation problems. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }
}
