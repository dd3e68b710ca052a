package io.nanopulse.alerts.persistence;

import io.nanopulse.alerts.application.port.TransitionStore;
import io.nanopulse.alerts.domain.AlertTransition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TransitionRepository implements TransitionStore {

    @Inject
    EntityManager em;

    @Override
    public void record(AlertTransition transition, String notification) {
        AlertTransitionEntity e = AlertTransitionEntity.of(transition);
        e.notification = notification;
        e.persist();
        if (notification != null) {
            em.unwrap(Session.class).doWork(c -> TransitionChannel.notify(c, transition.id(), transition.subscriberId()));
        }
    }

    @Override
    public List<AlertTransition> recent(UUID ruleId, int limit) {
        return AlertTransitionEntity.<AlertTransitionEntity>find("ruleId = ?1 order by seq desc", ruleId).page(0, limit)
                .list().stream().map(AlertTransitionEntity::toDomain).toList();
    }
}
