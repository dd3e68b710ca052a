package io.nanopulse.alerts.service;

import io.nanopulse.contracts.Sector;
import io.nanopulse.contracts.SubjectKind;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises and checks subject keys the way metrics-service forms them, so that a rule's subject
 * matches the subjects named by metric-changes: GLOBAL "", COUNTRY "CN", INSTITUTION canonical id,
 * COUNTRY_SECTOR "CN/SEMICONDUCTORS", CITY "CN/shanghai" (trimmed, whitespace-folded, lower-cased).
 */
public final class SubjectKeys {
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private SubjectKeys() {
    }

    /** The normalised key, or an {@link IllegalArgumentException} whose message is the reason. */
    public static String normalise(SubjectKind kind, String key) {
        String k = key == null ? "" : key.trim();
        switch (kind) {
            case GLOBAL -> {
                if (!k.isEmpty()) {
                    throw new IllegalArgumentException("must be empty for a GLOBAL subject");
                }
                return "";
            }
            case COUNTRY -> {
                String c = k.toUpperCase(Locale.ROOT);
                if (!COUNTRY.matcher(c).matches()) {
                    throw new IllegalArgumentException("must be an ISO 3166-1 alpha-2 country code like CN");
                }
                return c;
            }
            case INSTITUTION -> {
                if (k.isEmpty() || k.length() > 200) {
                    throw new IllegalArgumentException("must be a canonical institution id of 1..200 characters");
                }
                return k;
            }
            case COUNTRY_SECTOR -> {
                String[] parts = k.toUpperCase(Locale.ROOT).split("/", -1);
                if (parts.length != 2 || !COUNTRY.matcher(parts[0]).matches()
                        || Arrays.stream(Sector.values()).noneMatch(s -> s.name().equals(parts[1]))) {
                    throw new IllegalArgumentException("must be COUNTRY/SECTOR like CN/SEMICONDUCTORS; sectors: "
                            + Arrays.toString(Sector.values()));
                }
                return parts[0] + "/" + parts[1];
            }
            case CITY -> {
                int slash = k.indexOf('/');
                String country = slash < 0 ? "" : k.substring(0, slash).trim().toUpperCase(Locale.ROOT);
                String city = slash < 0 ? "" : WHITESPACE.matcher(k.substring(slash + 1).trim()).replaceAll(" ")
                        .toLowerCase(Locale.ROOT);
                if (!COUNTRY.matcher(country).matches() || city.isEmpty() || city.length() > 200) {
                    throw new IllegalArgumentException("must be COUNTRY/city like CN/shanghai");
                }
                return country + "/" + city;
            }
            default -> throw new IllegalArgumentException("unknown subject kind");
        }
    }

    /** The form rules are indexed by and metric-changes subjects are matched against. */
    public static String ref(SubjectKind kind, String normalisedKey) {
        return kind.name() + ":" + normalisedKey;
    }
}
