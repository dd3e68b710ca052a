package io.nanopulse.metrics.application;

import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.metrics.domain.Group;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Port: the stored groups and their members, in the caller's transaction. */
public interface GroupStore {
    /** A page of groups by name: the shared ones and those {@code visibleTo} owns; every group when it is null. */
    List<Group> page(int page, int size, String visibleTo) throws SQLException;

    /** How many groups {@link #page} pages through. */
    long count(String visibleTo) throws SQLException;

    Optional<Group> find(String name) throws SQLException;

    /** The group, its row locked until the transaction ends. */
    Optional<Group> lock(String name) throws SQLException;

    /** How many groups {@code owner} has (null: the shared ones). */
    long countOwnedBy(String owner) throws SQLException;

    /** Inserts the group and its members; false if the name is taken. */
    boolean create(String name, SubjectKind memberKind, List<String> members, String owner) throws SQLException;

    /** Replaces the members (and their kind) of an existing group. */
    void replaceMembers(String name, SubjectKind memberKind, List<String> members) throws SQLException;

    boolean delete(String name) throws SQLException;

    /** Those of {@code ids} that name a canonical institution or the holder of a stored filed patent. */
    Set<String> knownHolders(Collection<String> ids) throws SQLException;
}
