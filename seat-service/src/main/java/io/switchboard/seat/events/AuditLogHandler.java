package io.switchboard.seat.events;

import io.switchboard.platform.consumer.EventHandler;
import io.switchboard.platform.contract.Topics;
import io.switchboard.platform.events.EventEnvelope;
import io.switchboard.seat.service.AuditService;
import jakarta.inject.Singleton;

import java.util.Set;

/** Every user-related event of every service, for the audit log: its own consumer, so it never slows the table. */
@Singleton
public class AuditLogHandler implements EventHandler {

    private final AuditService audit;

    public AuditLogHandler(AuditService audit) {
        this.audit = audit;
    }

    @Override
    public String name() {
        return "audit-log";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.DIRECTORY_USERS, Topics.NUMBER_LINES, Topics.SEAT_SEATS, Topics.ROUTING_QUEUES,
                Topics.ROUTING_VOICEMAIL, Topics.ROUTING_RECORDING, Topics.SYNC_LINKS);
    }

    @Override
    public boolean accepts(String type) {
        return AuditService.records(type);
    }

    @Override
    public void handle(EventEnvelope event) {
        audit.record(event);
    }
}
