package io.switchboard.routing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** Recording entities: the network's defaults and a user's overrides (a null field follows the default). */
public final class RecordingSettings {

    private RecordingSettings() {
    }

    @Entity
    @Table(name = "recording_default")
    public static class Default extends PanacheEntityBase {
        @Id
        @Column(name = "network_id")
        public UUID networkId;
        public String inbound;
        public String outbound;
        public String announcement;
        @Version
        public long version;
        @Column(name = "updated_at")
        public Instant updatedAt;
    }

    @Entity
    @Table(name = "recording_override")
    public static class Override extends PanacheEntityBase {
        @Id
        @Column(name = "user_id")
        public UUID userId;
        @Column(name = "network_id")
        public UUID networkId;
        public String inbound;
        public String outbound;
        public String announcement;
        @Version
        public long version;
        @Column(name = "updated_at")
        public Instant updatedAt;
    }
}
