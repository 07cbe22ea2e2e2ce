package io.switchboard.seat.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The E911 address of a user's line, as normalized when it was saved. */
@Entity
@Table(name = "e911_address")
public class E911Address extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "network_id")
    public UUID networkId;

    public String street;
    public String unit;
    public String city;
    public String state;
    public String country;

    @Column(name = "postal_code")
    public String postalCode;

    public boolean verified;

    /** Why an unverified address could not be verified (shown with it). */
    public String warning;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
