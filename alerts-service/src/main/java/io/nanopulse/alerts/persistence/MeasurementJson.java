package io.nanopulse.alerts.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.nanopulse.alerts.domain.Measurement;
import io.nanopulse.contracts.Json;

/** A {@link Measurement} as the JSON text of {@code alert_transition.measurement}. */
final class MeasurementJson {

    private MeasurementJson() {
    }

    static String write(Measurement m) {
        if (m == null) {
            return null;
        }
        try {
            return Json.mapper().writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("measurement not serialisable", e);
        }
    }

    static Measurement read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(json, Measurement.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored measurement unreadable", e);
        }
    }
}
