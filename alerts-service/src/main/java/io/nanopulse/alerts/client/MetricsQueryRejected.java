package io.nanopulse.alerts.client;

/** metrics-service answered 4xx: the query is at fault, retrying it cannot help. */
public class MetricsQueryRejected extends RuntimeException {
    public MetricsQueryRejected(String message) {
        super(message);
    }
}
