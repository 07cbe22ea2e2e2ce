package io.switchboard.number.service;

import io.switchboard.number.domain.ReserveNumber;
import io.switchboard.number.domain.UserNumber;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.contract.UserDeactivated;
import io.switchboard.platform.contract.UserNumbersReleased;
import io.switchboard.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/** Releases every number a deactivated user held to the reserve list, and says so. */
@ApplicationScoped
public class NumberTeardownService {

    private final Outbox outbox;

    public NumberTeardownService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UserNumbersReleased releaseAll(UserDeactivated deactivated) {
        Instant now = Instant.now();
        List<UserNumber> held = UserNumber.heldBy(deactivated.userId());
        for (UserNumber n : held) {
            ReserveNumber reserve = new ReserveNumber();
            reserve.number = n.number;
            reserve.networkId = n.networkId;
            reserve.releasedFromUser = n.userId;
            reserve.releasedAt = now;
            reserve.persist();
            n.delete();
        }
        UserNumbersReleased released = new UserNumbersReleased(deactivated.userId(), deactivated.networkId(),
                held.stream().map(n -> n.number).toList(), UserDeactivated.TYPE, now);
        outbox.publish(Topics.NUMBER_LINES, deactivated.userId().toString(), UserNumbersReleased.TYPE,
                deactivated.networkId(), "service:number-service", released);
        return released;
    }
}
