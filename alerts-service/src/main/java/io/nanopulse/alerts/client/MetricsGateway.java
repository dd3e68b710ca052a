package io.nanopulse.alerts.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Reads current figures with a timeout and a few quick retries; beyond that the caller decides (the
 * metric-changes consumer backs off and tries again without acknowledging). A 4xx is our query's fault
 * and is not retried.
 */
@ApplicationScoped
public class MetricsGateway {
    public static final int MAX_QUERIES = 1000;

    @Inject
    @RestClient
    MetricsClient client;

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = MetricsQueryRejected.class)
    public List<Figures> fetch(List<FigureQuery> queries) {
        if (queries.size() > MAX_QUERIES) {
            throw new IllegalArgumentException("at most " + MAX_QUERIES + " queries per batch");
        }
        FiguresBatchResponse response;
        try {
            response = client.batch(new FiguresBatchRequest(queries));
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status >= 400 && status < 500) {
                throw new MetricsQueryRejected("metrics-service answered " + status);
            }
            throw e;
        }
        if (response == null || response.results() == null || response.results().size() != queries.size()) {
            throw new IllegalStateException("metrics-service answered " + (response == null || response.results() == null
                    ? "no results" : response.results().size() + " results") + " for " + queries.size() + " queries");
        }
        return response.results();
    }
}
