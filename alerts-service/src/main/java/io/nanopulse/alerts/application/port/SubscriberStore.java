package io.nanopulse.alerts.application.port;

import io.nanopulse.alerts.domain.Page;
import io.nanopulse.alerts.domain.Subscriber;

import java.util.Optional;
import java.util.UUID;

/** Subscribers, stored; every method runs in the caller's transaction. */
public interface SubscriberStore {

    void insert(Subscriber subscriber);

    /** Stores the new state of a subscriber read in the same transaction. */
    void update(Subscriber subscriber);

    Optional<Subscriber> find(UUID id);

    Optional<Subscriber> findOwned(UUID id, String owner);

    /** Reads and locks the row (SELECT ... FOR UPDATE) until the transaction ends. */
    Optional<Subscriber> lock(UUID id);

    /** The owner's subscribers, oldest first. */
    Page<Subscriber> page(String owner, int page, int size);

    /** Deletes the subscriber with its rules, silences and deliveries. */
    void delete(UUID id);
}
