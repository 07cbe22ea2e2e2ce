package io.switchboard.number.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A number the network bought, in E.164, and who holds it. */
@Entity
@Table(name = "phone_number")
public class PhoneNumber extends PanacheEntityBase {

    public enum Usage { DIRECT_LINE, TRACKING, MARKETING }

    /** AVAILABLE: bought, never held. ASSIGNED: a person holds it. RESERVED: released from a person, assignable again. */
    public enum Status { AVAILABLE, ASSIGNED, RESERVED }

    public enum LineRole { PRIMARY, SECONDARY }

    @Id
    public String number;

    @Column(name = "network_id")
    public UUID networkId;

    @Enumerated(EnumType.STRING)
    public Usage usage;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "user_id")
    public UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "line_role")
    public LineRole lineRole;

    @Column(name = "area_code")
    public String areaCode;

    @Column(name = "toll_free")
    public boolean tollFree;

    @Column(name = "use_default_forwarding")
    public boolean useDefaultForwarding = true;

    @Column(name = "forwarding_number")
    public String forwardingNumber;

    @Column(name = "sms_allowed")
    public boolean smsAllowed;

    @Column(name = "is_lead")
    public boolean isLead;

    public String campaign;

    @Column(name = "carrier_order_id")
    public String carrierOrderId;

    @Column(name = "released_from_user")
    public UUID releasedFromUser;

    @Column(name = "purchased_at")
    public Instant purchasedAt;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "reserved_at")
    public Instant reservedAt;

    @Version
    public long version;

    public static Optional<PhoneNumber> findInNetwork(UUID networkId, String number) {
        return find("number = ?1 and networkId = ?2", number, networkId).firstResultOptional();
    }

    /** The row, locked until the transaction ends: whoever holds the lock decides who gets the number. */
    public static Optional<PhoneNumber> lockInNetwork(UUID networkId, String number) {
        return find("number = ?1 and networkId = ?2", number, networkId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public static List<PhoneNumber> heldBy(UUID userId) {
        return list("userId = ?1 order by lineRole, number", userId);
    }

    public boolean assignable() {
        return usage == Usage.DIRECT_LINE && status != Status.ASSIGNED;
    }
}
