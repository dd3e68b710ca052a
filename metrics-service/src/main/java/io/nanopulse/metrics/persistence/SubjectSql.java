package io.nanopulse.metrics.persistence;

import io.nanopulse.contracts.SubjectKind;

/** How each subject kind reads from the patent table: its key expression and its filter. */
final class SubjectSql {
    private SubjectSql() {
    }

    /** SQL expression of a patent row's subject key for this kind. */
    static String keyExpression(SubjectKind kind) {
        return switch (kind) {
            case GLOBAL -> "''";
            case COUNTRY -> "country";
            case INSTITUTION -> "institution_id";
            case COUNTRY_SECTOR -> "country || '/' || sector";
            case CITY -> "country || '/' || city_key";
            case GROUP -> throw new IllegalStateException("a group has no key expression; read its members");
        };
    }

    /** Patent rows that belong to a subject: {@code keyExpression = ?}, written so indexes can serve it. */
    static String filter(SubjectKind kind) {
        return switch (kind) {
            case GLOBAL -> "TRUE";
            case COUNTRY -> "country = ?";
            case INSTITUTION -> "institution_id = ?";
            case COUNTRY_SECTOR, CITY -> keyExpression(kind) + " = ?";
            case GROUP -> throw new IllegalStateException("a group has no filter; read its members");
        };
    }

    /** Rows that have a subject of this kind at all (patents without a city have no CITY subject). */
    static String present(SubjectKind kind) {
        return kind == SubjectKind.CITY ? "city_key IS NOT NULL" : "TRUE";
    }
}
