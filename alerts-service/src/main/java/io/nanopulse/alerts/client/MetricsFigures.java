package io.nanopulse.alerts.client;

import io.nanopulse.alerts.application.port.FiguresSource;
import io.nanopulse.alerts.domain.FigureCounts;
import io.nanopulse.alerts.domain.Figures;
import io.nanopulse.alerts.domain.RankingQuery;
import io.nanopulse.alerts.domain.Standings;
import io.nanopulse.contracts.api.SubjectKey;
import io.nanopulse.contracts.api.metrics.FigureQuery;
import io.nanopulse.contracts.api.metrics.FiguresBatch;
import io.nanopulse.contracts.api.metrics.FiguresBatchRequest;
import io.nanopulse.contracts.api.metrics.Ranking;
import io.nanopulse.contracts.api.metrics.Ratio;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Reads figures and rankings from metrics-service with a timeout and a few quick retries; beyond that the
 * caller decides (the metric-changes consumer backs off and tries again without acknowledging). A 4xx is
 * our query's fault and is not retried.
 */
@ApplicationScoped
public class MetricsFigures implements FiguresSource {

    @Inject
    @RestClient
    MetricsClient client;

    @Override
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = QueryRejected.class)
    public List<Figures> fetch(List<io.nanopulse.alerts.domain.FigureQuery> queries) {
        if (queries.size() > MAX_QUERIES) {
            throw new IllegalArgumentException("at most " + MAX_QUERIES + " queries per batch");
        }
        FiguresBatch response;
        try {
            // A query without asOf reads the figures as of today, UTC.
            // The breakdown only where asked: explanations of live evaluations name contributors from it.
            response = client.batch(new FiguresBatchRequest(queries.stream().map(q -> new FigureQuery(
                    q.subject().kind().name(), q.subject().key(), q.window(),
                    q.asOf() == null ? null : q.asOf().toString(),
                    q.breakdown() ? Boolean.TRUE : null)).toList()));
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status >= 400 && status < 500) {
                throw new QueryRejected("metrics-service answered " + status);
            }
            throw e;
        }
        if (response == null || response.results() == null || response.results().size() != queries.size()) {
            throw new IllegalStateException("metrics-service answered " + (response == null || response.results() == null
                    ? "no results" : response.results().size() + " results") + " for " + queries.size() + " queries");
        }
        return response.results().stream().map(MetricsFigures::figures).toList();
    }

    @Override
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = QueryRejected.class)
    public Standings ranking(RankingQuery q) {
        Ranking r;
        try {
            r = client.rankings(q.kind().name(), q.metric().apiName(), q.window(),
                    q.asOf() == null ? null : q.asOf().toString(), q.limit());
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status >= 400 && status < 500) {
                throw new QueryRejected("metrics-service answered " + status);
            }
            throw e;
        }
        if (r == null || r.entries() == null) {
            throw new IllegalStateException("metrics-service answered no ranking entries");
        }
        return new Standings(r.entries().stream().map(f -> new Standings.Entry(
                new SubjectKey(f.subject().kind(), f.subject().key()), figures(f).valueOf(q.metric()))).toList());
    }

    private static Figures figures(io.nanopulse.contracts.api.metrics.Figures f) {
        if (f == null) {
            return null;
        }
        List<FigureCounts.Member> members = f.contributions() == null ? null : f.contributions().stream()
                .map(c -> new FigureCounts.Member(c.kind(), c.key(), c.filings(), c.grants(), c.licensed())).toList();
        FigureCounts counts = new FigureCounts(f.filings(), f.grants(), f.licensed(),
                f.share() == null ? 0 : f.share().denominator(), members);
        return new Figures(f.filings(), f.grants(), value(f.share()), value(f.licensingRate()), counts);
    }

    /** The ratio's decimal value as a double; null when the denominator is 0. */
    private static Double value(Ratio r) {
        return r == null || r.value() == null ? null : r.value().doubleValue();
    }
}
