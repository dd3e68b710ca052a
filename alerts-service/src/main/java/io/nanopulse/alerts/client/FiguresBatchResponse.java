package io.nanopulse.alerts.client;

import java.util.List;

/** Results in the order of the queries. */
public record FiguresBatchResponse(List<Figures> results) {
}
