package io.switchboard.platform.rest;

import io.switchboard.platform.problem.ProblemException;

/**
 * Page sizes for every list endpoint. Taken as text so that "?limit=ten" is a 400 naming the field; JAX-RS answers a
 * query parameter it cannot convert with a 404, which tells the caller nothing.
 */
public final class Paging {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private Paging() {
    }

    public static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalidField("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
