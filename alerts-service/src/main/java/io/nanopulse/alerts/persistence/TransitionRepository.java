package io.nanopulse.alerts.persistence;

import io.nanopulse.alerts.application.port.TransitionStore;
import io.nanopulse.alerts.domain.AlertTransition;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TransitionRepository implements TransitionStore {

    @Override
    public void record(AlertTransition transition) {
        AlertTransitionEntity.of(transition).persist();
    }

    @Override
    public List<AlertTransition> recent(UUID ruleId, int limit) {
        return AlertTransitionEntity.<AlertTransitionEntity>find("ruleId = ?1 order by seq desc", ruleId).page(0, limit)
                .list().stream().map(AlertTransitionEntity::toDomain).toList();
    }
}
