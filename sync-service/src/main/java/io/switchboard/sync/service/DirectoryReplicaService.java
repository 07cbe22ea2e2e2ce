package io.switchboard.sync.service;

import io.switchboard.platform.contract.UserChanged;
import io.switchboard.platform.contract.UserCreated;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.sync.domain.DirectoryUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** Keeps the replica at the newest directory version seen; older events arriving late are ignored. */
@ApplicationScoped
public class DirectoryReplicaService {

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UserCreated e) {
        upsert(e.userId(), e.networkId(), e.email(), e.firstName(), e.lastName(), e.status(), e.version());
    }

    /** Every later user event carries the whole user; an email change reaches the replica this way. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UserChanged e) {
        upsert(e.userId(), e.networkId(), e.email(), e.firstName(), e.lastName(), e.status(), e.version());
    }

    private static void upsert(java.util.UUID userId, java.util.UUID networkId, String email, String firstName,
                               String lastName, String status, long version) {
        DirectoryUser user = newerThan(userId, version);
        if (user == null) {
            return;
        }
        user.networkId = networkId;
        user.email = email;
        user.firstName = firstName;
        user.lastName = lastName;
        user.status = status;
        user.directoryVersion = version;
        user.updatedAt = Instant.now();
        user.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UserDeactivated e) {
        DirectoryUser user = newerThan(e.userId(), e.version());
        if (user == null) {
            return;
        }
        user.networkId = e.networkId();
        user.email = e.email();
        user.status = "DEACTIVATED";
        user.directoryVersion = e.version();
        user.updatedAt = Instant.now();
        user.persist();
    }

    /** The row to update, or null when the replica already holds this version or a newer one. */
    private static DirectoryUser newerThan(java.util.UUID userId, long version) {
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
