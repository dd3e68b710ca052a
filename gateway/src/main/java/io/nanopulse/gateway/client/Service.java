package io.nanopulse.gateway.client;

/** The services behind the gateway; the name is the one of quarkus.rest-client.NAME.url and of problem bodies. */
public enum Service {
    INGEST("ingest", "http://127.0.0.1:8081"),
    METRICS("metrics", "http://127.0.0.1:8082"),
    ALERTS("alerts", "http://127.0.0.1:8083");

    private final String id;
    private final String defaultUrl;

    Service(String id, String defaultUrl) {
        this.id = id;
        this.defaultUrl = defaultUrl;
    }

    public String id() {
        return id;
    }

    public String defaultUrl() {
        return defaultUrl;
    }

    public String displayName() {
        return id + "-service";
    }
}
