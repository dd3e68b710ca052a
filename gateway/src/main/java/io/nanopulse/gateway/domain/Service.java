package io.nanopulse.gateway.domain;

/**
 * The services behind the gateway. The id names the service in problem bodies ({@code "service":"metrics"})
 * and in its base-URL setting quarkus.rest-client.&lt;id&gt;.url.
 */
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
