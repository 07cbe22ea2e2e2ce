package io.switchboard.directory.rest;

import io.switchboard.directory.domain.User;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record UserRepresentation(
        UUID id,
        UUID networkId,
        String email,
        String firstName,
        String lastName,
        String phone,
        String status,
        List<String> roles,
        long version,
        Instant createdAt,
        Instant deactivatedAt) {

    static UserRepresentation of(User u) {
        return new UserRepresentation(u.id, u.networkId, u.email, u.firstName, u.lastName, u.phone,
                u.status.name().toLowerCase(), List.copyOf(u.roles), u.version, u.createdAt, u.deactivatedAt);
    }
}
