package io.nanopulse.metrics.application;

import io.nanopulse.contracts.api.metrics.Institution;
import io.nanopulse.metrics.domain.InstitutionResolver;

import java.util.List;
import java.util.Optional;

/**
 * Port: canonical institutions and their aliases, in the caller's transaction. Writes are sent to the database
 * by {@link #flush} (or before the next query that could see them).
 */
public interface InstitutionStore {
    /** A page of institutions by id, each with its aliases. */
    List<Institution> page(int page, int size);

    long count();

    boolean exists(String id);

    /** The institution with its aliases, oldest first. */
    Optional<Institution> find(String id);

    void create(String id, String displayName, String country);

    /** Whether an alias with this key form exists (on any institution). */
    boolean aliasKeyTaken(String patternKey);

    void addAlias(String institutionId, String pattern, String patternKey);

    /** Removes the alias if it belongs to the institution; false if it does not exist there. */
    boolean removeAlias(String institutionId, long aliasId);

    /** Deletes the institution and its aliases; false if it does not exist. */
    boolean delete(String id);

    void flush();

    /** Every alias of every institution, as the resolver takes them. */
    List<InstitutionResolver.Alias> aliases();
}
