package io.nanopulse.metrics.domain;

import io.nanopulse.contracts.SubjectKind;

import java.time.Instant;
import java.util.List;

/**
 * A named set of subjects of one kind (COUNTRY or INSTITUTION), itself a subject of kind GROUP. Every patent has
 * exactly one country and one holder, so distinct members' figures are disjoint: the group's figures are the sums
 * of its members', and a patent counts once. {@code owner} is the principal that may see and change it (and
 * admins); null for a shared group, which everyone sees and only admins change. {@code members} are normalised subject keys, sorted, distinct.
 */
public record Group(String name, SubjectKind memberKind, List<String> members, String owner, Instant createdAt,
                    Instant updatedAt) {
    /** The most members a group has. */
    public static final int MAX_MEMBERS = 200;
    /** The most groups one owner (and, together, the shared ones) may have. */
    public static final int MAX_PER_OWNER = 100;

    public Group {
        members = List.copyOf(members);
    }

    /** Whether a group may have members of this kind. */
    public static boolean memberKind(SubjectKind kind) {
        return kind == SubjectKind.COUNTRY || kind == SubjectKind.INSTITUTION;
    }

    public boolean shared() {
        return owner == null;
    }

    /** Whether {@code principal} (an admin when {@code admin}) may see and use this group: its own, a shared one, or any for an admin. */
    public boolean visibleTo(String principal, boolean admin) {
        return admin || owner == null || owner.equals(principal);
    }

    /** Whether {@code principal} (an admin when {@code admin}) may change or delete this group. */
    public boolean changeableBy(String principal, boolean admin) {
        return admin || owner != null && owner.equals(principal);
    }
}
