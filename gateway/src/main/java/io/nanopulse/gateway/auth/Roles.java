package io.nanopulse.gateway.auth;

import java.util.List;

/** The roles an API key may hold. Every endpoint names the ones it admits with @RolesAllowed. */
public final class Roles {
    /** Send events and imports. */
    public static final String INGEST = "ingest";
    /** Read figures, rankings, time series, institutions and the status. */
    public static final String READ = "read";
    /** Manage one's own subscribers, rules, silences and deliveries. */
    public static final String ALERTS = "alerts";
    /** Manage API keys and institutions, rebuild aggregates. */
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(INGEST, READ, ALERTS, ADMIN);

    private Roles() {
    }
}
