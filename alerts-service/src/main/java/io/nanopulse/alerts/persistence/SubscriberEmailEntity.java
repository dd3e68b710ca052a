package io.nanopulse.alerts.persistence;

import io.nanopulse.alerts.domain.SubscriberEmail;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The row of a {@link SubscriberEmail}. */
@Entity
@Table(name = "subscriber_email")
public class SubscriberEmailEntity extends PanacheEntityBase {
    @Id
    @Column(name = "subscriber_id")
    public UUID subscriberId;
    @Column(nullable = false)
    public String address;
    @Column(name = "confirmed_at")
    public Instant confirmedAt;
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "token_expires_at")
    public Instant tokenExpiresAt;
    @Column(name = "digest_seconds")
    public Long digestSeconds;
    @Column(name = "last_digest_at")
    public Instant lastDigestAt;
    @Column(name = "confirmation_resent_at")
    public Instant resentAt;

    SubscriberEmail toDomain() {
        return new SubscriberEmail(subscriberId, address, confirmedAt, tokenHash, tokenExpiresAt,
                digestSeconds == null ? null : Duration.ofSeconds(digestSeconds), lastDigestAt, resentAt);
    }

    /** Copies every column but the key. */
    void set(SubscriberEmail e) {
        address = e.address();
        confirmedAt = e.confirmedAt();
        tokenHash = e.tokenHash();
        tokenExpiresAt = e.tokenExpiresAt();
        digestSeconds = e.digest() == null ? null : e.digest().toSeconds();
        lastDigestAt = e.lastDigestAt();
        resentAt = e.resentAt();
    }

    /** Never print the address or the token hash. */
    @Override
    public String toString() {
        return "SubscriberEmailEntity[" + subscriberId + "]";
    }
}
