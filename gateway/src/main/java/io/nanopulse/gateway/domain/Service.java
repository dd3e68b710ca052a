package io.nanopulse.gateway.domain;

/**
 * The services behind the gateway. The id names the service in problem bodies ({@code "service":"metrics"})
 * and in its base-URL settings quarkus.rest-client.&lt;id&gt;.url (API) and quarkus.rest-client.&lt;id&gt;-management.url
 * (health and metrics).
 */
public enum Service {
    INGEST("ingest", "http://127.0.0.1:8081", "http://127.0.0.1:9081"),
    METRICS("metrics", "http://127.0.0.1:8082", "http://127.0.0.1:9082"),
    ALERTS("alerts", "http://127.0.0.1:8083", "http://127.0.0.1:9083");

    private final String id;
    private final String defaultUrl;
    private final String defaultManagementUrl;

    Service(String id, String defaultUrl, String defaultManagementUrl) {
        this.id = id;
        this.defaultUrl = defaultUrl;
        this.defaultManagementUrl = defaultManagementUrl;
    }

    public String id() {
        return id;
    }

    public String defaultUrl() {
        return defaultUrl;
    }

    public String defaultManagementUrl() {
        return defaultManagementUrl;
    }

    public String displayName() {
        return id + "-service";
    }
}
