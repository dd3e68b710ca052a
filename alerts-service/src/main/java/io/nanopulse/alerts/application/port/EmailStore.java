package io.nanopulse.alerts.application.port;

import io.nanopulse.alerts.domain.SubscriberEmail;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Subscribers' e-mail addresses, stored; every method runs in the caller's transaction. */
public interface EmailStore {

    Optional<SubscriberEmail> find(UUID subscriberId);

    Map<UUID, SubscriberEmail> find(Collection<UUID> subscriberIds);

    /** Reads and locks the row (SELECT ... FOR UPDATE) until the transaction ends. */
    Optional<SubscriberEmail> lock(UUID subscriberId);

    /** The address awaiting the confirmation token whose hash is {@code tokenHash}, locked. */
    Optional<SubscriberEmail> lockByTokenHash(String tokenHash);

    /** Inserts or replaces the subscriber's address. */
    void save(SubscriberEmail email);

    void delete(UUID subscriberId);
}
