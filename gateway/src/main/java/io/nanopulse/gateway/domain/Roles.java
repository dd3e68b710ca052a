package io.nanopulse.gateway.domain;

import java.util.Collection;
import java.util.List;

/** The roles an API key may hold. Every endpoint names the ones it admits with @RolesAllowed. */
public final class Roles {
    /** Send events and imports. */
    public static final String INGEST = "ingest";
    /** Read figures, rankings, time series, institutions, groups and the status. */
    public static final String READ = "read";
    /** Manage one's own subscribers, rules, silences, deliveries and groups. */
    public static final String ALERTS = "alerts";
    /** Manage API keys, institutions and shared (and any) groups, rebuild aggregates. */
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(INGEST, READ, ALERTS, ADMIN);

    /** The known roles among {@code roles}, in the order of {@link #ALL} (how a key stores them). */
    public static List<String> canonical(Collection<String> roles) {
        return ALL.stream().filter(roles::contains).toList();
    }

    private Roles() {
    }
}
