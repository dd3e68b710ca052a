package io.nanopulse.alerts.client;

/** One query of POST /metrics/figures/batch; asOf is left out, meaning "today, UTC". */
public record FigureQuery(String kind, String key, String window) {
}
