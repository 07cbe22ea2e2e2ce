package io.switchboard.sync.service;

import io.switchboard.platform.contract.UserChanged;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.sync.domain.DirectoryUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Keeps the replica at the newest directory version seen; older events arriving late are ignored. */
@ApplicationScoped
public class DirectoryReplicaService {

    /** What the replica held before an applied event (email null when the user was new). */
    public record Previous(String email, String status) {
    }

    /** Applies the event if newer; returns what was there before, or empty when the event was stale. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Previous> apply(UserCreated e) {
        return upsert(e.userId(), e.networkId(), e.email(), e.firstName(), e.lastName(), e.status(), e.version());
    }

    /** Every later user event carries the whole user; an email change reaches the replica this way. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Previous> apply(UserChanged e) {
        return upsert(e.userId(), e.networkId(), e.email(), e.firstName(), e.lastName(), e.status(), e.version());
    }

    /** True when applied (the deactivation is newer than what the replica holds). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(UserDeactivated e) {
        DirectoryUser user = newerThan(e.userId(), e.version());
        if (user == null) {
            return false;
        }
        user.networkId = e.networkId();
        user.email = e.email();
        user.status = "DEACTIVATED";
        user.directoryVersion = e.version();
        user.updatedAt = Instant.now();
        user.persist();
        return true;
    }

    private static Optional<Previous> upsert(UUID userId, UUID networkId, String email, String firstName, String lastName,
                                             String status, long version) {
        DirectoryUser user = newerThan(userId, version);
        if (user == null) {
            return Optional.empty();
        }
        Previous previous = new Previous(user.email, user.status);
        user.networkId = networkId;
        user.email = email;
        user.firstName = firstName;
        user.lastName = lastName;
        user.status = status;
        user.directoryVersion = version;
        user.updatedAt = Instant.now();
        user.persist();
        return Optional.of(previous);
    }

    /** The row to update, or null when the replica already holds this version or a newer one. */
    private static DirectoryUser newerThan(UUID userId, long version) {
        DirectoryUser user = DirectoryUser.findById(userId);
        if (user == null) {
            user = new DirectoryUser();
            user.userId = userId;
            user.firstName = "";
            user.lastName = "";
            return user;
        }
        return user.directoryVersion >= version ? null : user;
    }
}
