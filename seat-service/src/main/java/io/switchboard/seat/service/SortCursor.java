package io.switchboard.seat.service;

import io.switchboard.platform.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The keyset cursor of the User Management table: the sort it was made for and the sort key of the last row shown.
 * Opaque to clients; a cursor of another sort is refused rather than silently restarting the list.
 */
record SortCursor(String sort, List<String> keys, UUID id) {

    String encode() {
        String raw = sort + "\u0000" + String.join("\u0000", keys) + "\u0000" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static SortCursor decode(String cursor, String sort, int keyCount) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\u0000", -1);
            if (!parts[0].equals(sort) && parts.length > 2) {
                throw ProblemException.invalidField("cursor", "was made for sort=" + parts[0]
                        + "; keep the same sort while paging, or start again without a cursor");
            }
            if (parts.length != keyCount + 2) {
                throw new IllegalArgumentException();
            }
            return new SortCursor(sort, Arrays.asList(parts).subList(1, keyCount + 1), UUID.fromString(parts[keyCount + 1]));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this list returned; start again without it");
        }
    }
}
