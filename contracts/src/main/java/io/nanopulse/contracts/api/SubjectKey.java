package io.nanopulse.contracts.api;

import io.nanopulse.contracts.EventValidator;
import io.nanopulse.contracts.Sector;
import io.nanopulse.contracts.SubjectKind;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One aggregate subject: a kind and its normalised key. The one place keys are formed, so that the figures
 * metrics-service serves, the subjects metric-changes name and the subjects alert rules watch agree:
 * GLOBAL {@code ""}, COUNTRY {@code "CN"}, INSTITUTION a canonical id, COUNTRY_SECTOR
 * {@code "CN/SEMICONDUCTORS"}, CITY {@code "CN/shanghai"} (the city's {@linkplain #nameKey name key}), GROUP a
 * group's name {@code "us-jp-kr"}.
 */
public record SubjectKey(SubjectKind kind, String key) implements Comparable<SubjectKey> {
    public static final SubjectKey GLOBAL = new SubjectKey(SubjectKind.GLOBAL, "");
    /** The longest institution or city name a key may carry: as long as events allow. */
    public static final int MAX_NAME_LENGTH = EventValidator.MAX_TEXT;
    /** A group's name: a lower-case slug of 1..63 characters (letters, digits, hyphens; no leading hyphen). */
    public static final Pattern GROUP_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /**
     * A subject from a client's kind and key, normalised: the one grammar of subject keys, for figures queries
     * and alert rules alike. COUNTRY takes an ISO 3166-1 alpha-2 code (only countries events are accepted for);
     * INSTITUTION a canonical id or a holder's raw name, folded to its {@linkplain #nameKey name key} (which is
     * the id of a holder no alias names and leaves canonical ids as they are); COUNTRY_SECTOR {@code CC/SECTOR};
     * CITY {@code CC/name}; GROUP a group's name, case-folded ({@link #GROUP_NAME}); GLOBAL no key. An
     * {@link IllegalArgumentException} gives the reason.
     */
    public static SubjectKey of(SubjectKind kind, String rawKey) {
        return new SubjectKey(kind, normalise(kind, rawKey));
    }

    public static SubjectKey country(String countryCode) {
        return new SubjectKey(SubjectKind.COUNTRY, countryCode);
    }

    public static SubjectKey institution(String institutionId) {
        return new SubjectKey(SubjectKind.INSTITUTION, institutionId);
    }

    public static SubjectKey countrySector(String countryCode, Sector sector) {
        return new SubjectKey(SubjectKind.COUNTRY_SECTOR, countryCode + "/" + sector.name());
    }

    /** {@code cityName} is folded here into its name key. */
    public static SubjectKey city(String countryCode, String cityName) {
        return new SubjectKey(SubjectKind.CITY, countryCode + "/" + nameKey(cityName));
    }

    /** The comparison form of a name: trimmed, whitespace runs folded to one space, lower-cased. */
    public static String nameKey(String name) {
        return name == null ? null : EventValidator.foldWhitespace(name).toLowerCase(Locale.ROOT);
    }

    /** The normalised key of {@code kind}, or an {@link IllegalArgumentException} whose message is the reason. */
    public static String normalise(SubjectKind kind, String rawKey) {
        if (!Text.isClean(rawKey)) {
            throw new IllegalArgumentException(Text.REASON);
        }
        String k = rawKey == null ? "" : rawKey.strip();
        return switch (kind) {
            case GLOBAL -> {
                if (!k.isEmpty()) {
                    throw new IllegalArgumentException("must be empty for a GLOBAL subject");
                }
                yield "";
            }
            case COUNTRY -> countryCode(k);
            case INSTITUTION -> {
                if (k.isEmpty() || k.length() > MAX_NAME_LENGTH) {
                    throw new IllegalArgumentException("must be an institution id or name of 1.." + MAX_NAME_LENGTH
                            + " characters");
                }
                yield nameKey(k);
            }
            case COUNTRY_SECTOR -> {
                int slash = k.indexOf('/');
                String sector = slash < 0 ? "" : k.substring(slash + 1).strip().toUpperCase(Locale.ROOT);
                if (slash < 0 || Arrays.stream(Sector.values()).noneMatch(s -> s.name().equals(sector))) {
                    throw new IllegalArgumentException("must be COUNTRY/SECTOR like CN/SEMICONDUCTORS; sectors: "
                            + Arrays.toString(Sector.values()));
                }
                yield countryCode(k.substring(0, slash)) + "/" + sector;
            }
            case CITY -> {
                int slash = k.indexOf('/');
                String country = slash < 0 ? "" : k.substring(0, slash).strip().toUpperCase(Locale.ROOT);
                String city = slash < 0 ? "" : nameKey(k.substring(slash + 1));
                if (!EventValidator.isCountry(country) || city.isEmpty() || city.length() > MAX_NAME_LENGTH) {
                    throw new IllegalArgumentException("must be COUNTRY/city like CN/shanghai");
                }
                yield country + "/" + city;
            }
            case GROUP -> groupName(k);
        };
    }

    /** A group's name, case-folded, or an {@link IllegalArgumentException} giving the grammar. */
    public static String groupName(String raw) {
        String g = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!GROUP_NAME.matcher(g).matches()) {
            throw new IllegalArgumentException("must be a group name of 1..63 characters: letters, digits and"
                    + " hyphens, starting with a letter or digit, like us-jp-kr");
        }
        return g;
    }

    private static String countryCode(String raw) {
        String c = raw.strip().toUpperCase(Locale.ROOT);
        if (!EventValidator.isCountry(c)) {
            throw new IllegalArgumentException("must be an ISO 3166-1 alpha-2 country code like CN");
        }
        return c;
    }

    /** {@code KIND:key}, the form rules are indexed by and metric-changes subjects are matched against. */
    public String ref() {
        return kind.name() + ":" + key;
    }

    @Override
    public int compareTo(SubjectKey o) {
        int c = kind.compareTo(o.kind);
        return c != 0 ? c : key.compareTo(o.key);
    }

}
