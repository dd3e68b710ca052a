package io.nanopulse.alerts.persistence;

import io.nanopulse.alerts.application.port.SubscriberStore;
import io.nanopulse.alerts.domain.Page;
import io.nanopulse.alerts.domain.Subscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SubscriberRepository implements SubscriberStore {

    @Override
    public void insert(Subscriber subscriber) {
        SubscriberEntity e = new SubscriberEntity();
        e.id = subscriber.id();
        e.set(subscriber);
        e.persist();
    }

    @Override
    public void update(Subscriber subscriber) {
        managed(subscriber.id()).set(subscriber);
    }

    @Override
    public Optional<Subscriber> find(UUID id) {
        return SubscriberEntity.<SubscriberEntity>findByIdOptional(id).map(SubscriberEntity::toDomain);
    }

    @Override
    public Optional<Subscriber> findOwned(UUID id, String owner) {
        return SubscriberEntity.<SubscriberEntity>find("id = ?1 and owner = ?2", id, owner).firstResultOptional()
                .map(SubscriberEntity::toDomain);
    }

    @Override
    public Optional<Subscriber> lock(UUID id) {
        return SubscriberEntity.<SubscriberEntity>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .map(SubscriberEntity::toDomain);
    }

    @Override
    public Page<Subscriber> page(String owner, int page, int size) {
        var q = SubscriberEntity.<SubscriberEntity>find("owner = ?1 order by createdAt, id", owner).page(page, size);
        return new Page<>(q.list().stream().map(SubscriberEntity::toDomain).toList(), page, size, q.count());
    }

    @Override
    public void delete(UUID id) {
        SubscriberEntity.deleteById(id);
    }

    /** The entity this transaction already read (no query when it did). */
    private static SubscriberEntity managed(UUID id) {
        SubscriberEntity e = SubscriberEntity.findById(id);
        if (e == null) {
            throw new IllegalStateException("subscriber " + id + " is gone");
        }
        return e;
    }
}
