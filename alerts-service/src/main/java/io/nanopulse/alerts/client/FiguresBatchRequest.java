package io.nanopulse.alerts.client;

import java.util.List;

public record FiguresBatchRequest(List<FigureQuery> queries) {
}
