package io.nanopulse.alerts.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.nanopulse.alerts.domain.ChangeSet;
import io.nanopulse.contracts.Json;
import io.nanopulse.contracts.MetricChange;
import io.nanopulse.contracts.api.SubjectKey;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Folds a batch of metric-changes values into one {@link ChangeSet}. */
public final class MetricChangeParser {
    private static final Logger LOG = Logger.getLogger(MetricChangeParser.class);
    // A subject kind added by a newer metrics-service must not make the whole record unreadable.
    private static final ObjectReader READER = Json.mapper().readerFor(MetricChange.class)
            .with(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);

    private MetricChangeParser() {
    }

    public static ChangeSet parse(List<String> values) {
        Set<String> refs = new HashSet<>();
        boolean global = false;
        boolean everything = false;
        for (String value : values) {
            MetricChange change = null;
            try {
                change = value == null ? null : READER.readValue(value);
            } catch (IOException e) {
                // The class only: a message could echo record content into the log.
                LOG.warnf("unreadable metric-changes record (%s); re-evaluating every rule instead", e.getClass().getSimpleName());
            }
            if (change == null) {
                everything = true;
                continue;
            }
            global |= change.globalChanged();
            if (change.subjects() != null) {
                for (MetricChange.Subject s : change.subjects()) {
                    if (s == null || s.kind() == null) {
                        continue;
                    }
                    try {
                        refs.add(SubjectKey.of(s.kind(), s.key()).ref());
                    } catch (IllegalArgumentException e) {
                        // A key the grammar does not know: match it verbatim rather than drop it.
                        refs.add(new SubjectKey(s.kind(), s.key() == null ? "" : s.key()).ref());
                    }
                }
            }
        }
        return new ChangeSet(Set.copyOf(refs), global, everything);
    }
}
