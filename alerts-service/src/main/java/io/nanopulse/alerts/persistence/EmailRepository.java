package io.nanopulse.alerts.persistence;

import io.nanopulse.alerts.application.port.EmailStore;
import io.nanopulse.alerts.domain.SubscriberEmail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class EmailRepository implements EmailStore {

    @Override
    public Optional<SubscriberEmail> find(UUID subscriberId) {
        return SubscriberEmailEntity.<SubscriberEmailEntity>findByIdOptional(subscriberId).map(SubscriberEmailEntity::toDomain);
    }

    @Override
    public Map<UUID, SubscriberEmail> find(Collection<UUID> subscriberIds) {
        return SubscriberEmailEntity.<SubscriberEmailEntity>list("subscriberId in ?1", subscriberIds).stream()
                .map(SubscriberEmailEntity::toDomain)
                .collect(Collectors.toMap(SubscriberEmail::subscriberId, Function.identity()));
    }

    @Override
    public Optional<SubscriberEmail> lock(UUID subscriberId) {
        return SubscriberEmailEntity.<SubscriberEmailEntity>findByIdOptional(subscriberId, LockModeType.PESSIMISTIC_WRITE)
                .map(SubscriberEmailEntity::toDomain);
    }

    @Override
    public Optional<SubscriberEmail> lockByTokenHash(String tokenHash) {
        return SubscriberEmailEntity.<SubscriberEmailEntity>find("tokenHash = ?1", tokenHash)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional().map(SubscriberEmailEntity::toDomain);
    }

    @Override
    public void save(SubscriberEmail email) {
        SubscriberEmailEntity e = SubscriberEmailEntity.findById(email.subscriberId());
        if (e == null) {
            e = new SubscriberEmailEntity();
            e.subscriberId = email.subscriberId();
            e.set(email);
            e.persist();
        } else {
            e.set(email);
        }
    }

    @Override
    public void delete(UUID subscriberId) {
        SubscriberEmailEntity.deleteById(subscriberId);
    }
}
