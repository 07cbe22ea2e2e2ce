package io.switchboard.number.service;

import io.switchboard.number.domain.KnownUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** The local replica of hub users: the newest directory version wins, whatever order events arrive in. */
@ApplicationScoped
public class KnownUserService {

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UUID userId, UUID networkId, String status, long version) {
        KnownUser user = KnownUser.findById(userId);
        if (user == null) {
            user = new KnownUser();
            user.userId = userId;
            user.networkId = networkId;
            user.directoryVersion = -1;
        }
        if (user.directoryVersion >= version) {
            return;
        }
        user.status = status;
        user.directoryVersion = version;
        user.updatedAt = Instant.now();
        user.persist();
    }
}
