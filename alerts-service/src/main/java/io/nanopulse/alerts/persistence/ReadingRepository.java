package io.nanopulse.alerts.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.nanopulse.alerts.application.port.ReadingStore;
import io.nanopulse.alerts.domain.FigureCounts;
import io.nanopulse.alerts.domain.RuleReading;
import io.nanopulse.contracts.Json;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/** Each rule's last {@link RuleReading}, one row per rule. */
@ApplicationScoped
public class ReadingRepository implements ReadingStore {

    @Override
    public Optional<RuleReading> last(UUID ruleId) {
        return RuleReadingEntity.<RuleReadingEntity>findByIdOptional(ruleId)
                .map(e -> new RuleReading(e.revision, e.observedAt, e.asOf, read(e.subject), read(e.other)));
    }

    @Override
    public void save(UUID ruleId, RuleReading reading) {
        RuleReadingEntity e = RuleReadingEntity.findById(ruleId);
        boolean created = e == null;
        if (created) {
            e = new RuleReadingEntity();
            e.ruleId = ruleId;
        }
        e.revision = reading.revision();
        e.observedAt = reading.observedAt();
        e.asOf = reading.asOf();
        e.subject = write(reading.subject());
        e.other = write(reading.other());
        if (created) {
            e.persist();
        }
    }

    private static String write(FigureCounts counts) {
        if (counts == null) {
            return null;
        }
        try {
            return Json.mapper().writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("counts not serialisable", e);
        }
    }

    private static FigureCounts read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(json, FigureCounts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored counts unreadable", e);
        }
    }
}
