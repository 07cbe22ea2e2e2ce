package io.switchboard.sync.service;

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
        DirectoryUser user = newerThan(e.userId(), e.version());
        if (user == null) {
            return;
        }
        user.networkId = e.networkId();
        user.email = e.email();
        user.firstName = e.firstName();
        user.lastName = e.lastName();
        user.status = e.status();
        user.directoryVersion = e.version();
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
