package io.nanopulse.contracts;

/**
 * What an aggregate is about. Keys: GLOBAL "" ; COUNTRY "CN" ; INSTITUTION canonical id ;
 * COUNTRY_SECTOR "CN/SEMICONDUCTORS" ; CITY "CN/shanghai" (city name case-folded).
 */
public enum SubjectKind {
    GLOBAL, COUNTRY, INSTITUTION, COUNTRY_SECTOR, CITY
}
