package io.switchboard.platform.rest;

import io.switchboard.platform.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * The keyset cursor of lists sorted by last name, first name, id (the hub's user lists): the sort key of the last row
 * of the previous page, opaque to clients. Names are kept lower-cased, as the lists sort them.
 */
public record NameCursor(String lastName, String firstName, UUID id) {

    public static NameCursor after(String lastName, String firstName, UUID id) {
        return new NameCursor(lastName.toLowerCase(Locale.ROOT), firstName.toLowerCase(Locale.ROOT), id);
    }

    public String encode() {
        String raw = lastName + "\u0000" + firstName + "\u0000" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a list returned, or null for the first page; anything else is a 400 naming {@code cursor}. */
    public static NameCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\u0000", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException();
            }
            return new NameCursor(parts[0], parts[1], UUID.fromString(parts[2]));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this list returned; start again without it");
        }
    }
}
