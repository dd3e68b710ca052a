package io.nanopulse.alerts.application.port;

import io.nanopulse.alerts.domain.FigureQuery;
import io.nanopulse.alerts.domain.Figures;

import java.util.List;

/** Current figures from metrics-service. */
public interface FiguresSource {
    /** The most queries one call may carry. */
    int MAX_QUERIES = 1000;

    /**
     * The figures of each query, in query order. Throws {@link QueryRejected} when metrics-service refuses
     * the queries (retrying them cannot help); any other failure may pass on a later try.
     */
    List<Figures> fetch(List<FigureQuery> queries);

    /** metrics-service answered 4xx: the queries are at fault. */
    class QueryRejected extends RuntimeException {
        public QueryRejected(String message) {
            super(message);
        }
    }
}
