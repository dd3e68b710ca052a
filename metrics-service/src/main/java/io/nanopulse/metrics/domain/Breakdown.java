package io.nanopulse.metrics.domain;

import io.nanopulse.contracts.SubjectKind;

import java.util.List;

/**
 * The members a subject's figures split into exactly, each patent in exactly one member: the world into its
 * countries, a country into its sectors ({@code CN/…}), a group into its members. Either every subject of
 * {@code memberKind} whose key starts with {@code keyPrefix} ("" for all), or exactly {@code keys}.
 */
public record Breakdown(SubjectKind memberKind, String keyPrefix, List<String> keys) {

    public Breakdown {
        if ((keyPrefix == null) == (keys == null)) {
            throw new IllegalArgumentException("a breakdown names a key prefix or its keys");
        }
        keys = keys == null ? null : List.copyOf(keys);
    }

    /**
     * The breakdown of a GLOBAL or COUNTRY subject; an {@link IllegalArgumentException} says that other kinds have
     * none. Groups: {@link #ofGroup}.
     */
    public static Breakdown of(SubjectKind kind, String key) {
        return switch (kind) {
            case GLOBAL -> new Breakdown(SubjectKind.COUNTRY, "", null);
            // Every filed patent has a sector (required on PATENT_FILED, and the ledger files none without), so a
            // country's sectors cover all its patents.
            case COUNTRY -> new Breakdown(SubjectKind.COUNTRY_SECTOR, key + "/", null);
            case GROUP -> throw new IllegalArgumentException("a group breaks down into its members");
            case INSTITUTION, COUNTRY_SECTOR, CITY -> throw new IllegalArgumentException(kind + " figures have no breakdown;"
                    + " GLOBAL breaks down into countries, COUNTRY into its sectors, GROUP into its members");
        };
    }

    /** The breakdown of a group of {@code memberKind} subjects into {@code members}. */
    public static Breakdown ofGroup(SubjectKind memberKind, List<String> members) {
        return new Breakdown(memberKind, null, members);
    }
}
