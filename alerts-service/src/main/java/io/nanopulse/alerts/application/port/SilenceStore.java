package io.nanopulse.alerts.application.port;

import io.nanopulse.alerts.domain.Page;
import io.nanopulse.alerts.domain.Silence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Silences; every method runs in the caller's transaction. */
public interface SilenceStore {

    void insert(Silence silence);

    Optional<Silence> findOwned(UUID id, String owner);

    /** The owner's silences, oldest first; only those in force at {@code activeAt} when it is given. */
    Page<Silence> page(String owner, Instant activeAt, int page, int size);

    /** The owner's silences in force at {@code at}. */
    List<Silence> inForce(String owner, Instant at);

    void delete(UUID id);
}
