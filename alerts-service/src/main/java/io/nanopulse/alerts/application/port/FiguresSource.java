package io.nanopulse.alerts.application.port;

import io.nanopulse.alerts.domain.FigureQuery;
import io.nanopulse.alerts.domain.Figures;
import io.nanopulse.alerts.domain.RankingQuery;
import io.nanopulse.alerts.domain.Standings;

import java.util.List;

/** Figures and rankings from metrics-service. */
public interface FiguresSource {
    /** The most queries one call may carry. */
    int MAX_QUERIES = 1000;

    /**
     * The figures of each query, in query order. Throws {@link QueryRejected} when metrics-service refuses
     * the queries (retrying them cannot help); any other failure may pass on a later try.
     */
    List<Figures> fetch(List<FigureQuery> queries);

    /** The ranking a query names; throws {@link QueryRejected} when metrics-service refuses it. */
    Standings ranking(RankingQuery query);

    /** metrics-service answered 4xx: the queries are at fault. */
    class QueryRejected extends RuntimeException {
        public QueryRejected(String message) {
            super(message);
        }
    }
}
