package io.switchboard.platform.rest;

import io.switchboard.platform.problem.ProblemException;

/**
 * Optimistic concurrency for updates: the caller names the version it read, as an {@code If-Match} ETag or a
 * {@code version} body field. A stale one is refused (412 for If-Match, 409 for the body field); none at all is a 428.
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version the caller based the change on, from If-Match or the body; 428 when neither is given. */
    public static Expected expected(String ifMatch, Long bodyVersion, String what) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String raw = ifMatch.trim();
            if (raw.startsWith("W/")) {
                raw = raw.substring(2);
            }
            raw = raw.replace("\"", "");
            try {
                return new Expected(Long.parseLong(raw), true, what);
            } catch (NumberFormatException e) {
                throw ProblemException.invalidField("If-Match", "must be the ETag the GET returned, such as \"3\"");
            }
        }
        if (bodyVersion != null) {
            return new Expected(bodyVersion, false, what);
        }
        throw ProblemException.preconditionRequired(what);
    }

    public record Expected(long version, boolean fromIfMatch, String what) {

        /** Refuses the change unless the entity is still at the version the caller read. */
        public void check(long actual) {
            if (actual != version) {
                throw fromIfMatch ? ProblemException.preconditionFailed(what, version, actual)
                        : ProblemException.versionConflict(what, version, actual);
            }
        }
    }
}
