package io.nanopulse.contracts.api;

import java.util.Optional;

/**
 * A figure the public API serves, ranks by and alerts on, under its API name. Ratios lie in [0,1];
 * counts are non-negative whole numbers.
 */
public enum Metric {
    FILINGS("filings", false),
    SHARE("share", true),
    GRANTS("grants", false),
    LICENSING_RATE("licensingRate", true);

    /** The names a client may use, for error messages and OpenAPI enumerations. */
    public static final String NAMES = "filings, share, grants or licensingRate";

    private final String apiName;
    private final boolean ratio;

    Metric(String apiName, boolean ratio) {
        this.apiName = apiName;
        this.ratio = ratio;
    }

    public String apiName() {
        return apiName;
    }

    public boolean isRatio() {
        return ratio;
    }

    /** The metric named by its API name or enum name, case-insensitively. */
    public static Optional<Metric> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip();
        for (Metric m : values()) {
            if (m.apiName.equalsIgnoreCase(n) || m.name().equalsIgnoreCase(n.replace('-', '_'))) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #find} but refuses an unknown name with an {@link IllegalArgumentException} saying why. */
    public static Metric parse(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown metric '" + abbreviate(name) + "'; use " + NAMES));
    }

    static String abbreviate(String s) {
        String text = String.valueOf(s);
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
