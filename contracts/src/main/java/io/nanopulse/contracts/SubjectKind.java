package io.nanopulse.contracts;

import java.util.Locale;

/**
 * What an aggregate is about. Keys: GLOBAL "" ; COUNTRY "CN" ; INSTITUTION canonical id ;
 * COUNTRY_SECTOR "CN/SEMICONDUCTORS" ; CITY "CN/shanghai" (city name case-folded) ; GROUP a group's name
 * "us-jp-kr" (a named set of countries or of institutions; its figures are sums over its members).
 * Ordinals are stored (metrics counters): new kinds go last.
 */
public enum SubjectKind {
    GLOBAL, COUNTRY, INSTITUTION, COUNTRY_SECTOR, CITY, GROUP;

    /** The kinds a client may name, for error messages. */
    public static final String NAMES = "GLOBAL, COUNTRY, INSTITUTION, COUNTRY_SECTOR, CITY or GROUP";

    /**
     * The kind a client names, case-insensitively ({@code country-sector} too); an {@link IllegalArgumentException}
     * says why a name is refused.
     */
    public static SubjectKind parse(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("is required: " + NAMES);
        }
        String n = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (SubjectKind k : values()) {
            if (k.name().equals(n)) {
                return k;
            }
        }
        String shown = name.length() <= 40 ? name : name.substring(0, 40) + "…";
        throw new IllegalArgumentException("unknown subject kind '" + shown + "'; use " + NAMES);
    }
}
