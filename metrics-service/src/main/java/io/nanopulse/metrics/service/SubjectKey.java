package io.nanopulse.metrics.service;

import io.nanopulse.contracts.SubjectKind;

import java.util.List;

/** One aggregate subject: a kind and its key (see {@link SubjectKind} for key forms). */
public record SubjectKey(SubjectKind kind, String key) implements Comparable<SubjectKey> {
    public static final SubjectKey GLOBAL = new SubjectKey(SubjectKind.GLOBAL, "");

    /** Every subject a filing counts for. */
    public static List<SubjectKey> of(Filing f) {
        var global = GLOBAL;
        var country = new SubjectKey(SubjectKind.COUNTRY, f.country());
        var institution = new SubjectKey(SubjectKind.INSTITUTION, f.institutionId());
        var sector = new SubjectKey(SubjectKind.COUNTRY_SECTOR, f.country() + "/" + f.sector().name());
        if (f.cityKey() == null) {
            return List.of(global, country, institution, sector);
        }
        return List.of(global, country, institution, sector, new SubjectKey(SubjectKind.CITY, f.country() + "/" + f.cityKey()));
    }

    @Override
    public int compareTo(SubjectKey o) {
        int c = kind.compareTo(o.kind);
        return c != 0 ? c : key.compareTo(o.key);
    }
}
