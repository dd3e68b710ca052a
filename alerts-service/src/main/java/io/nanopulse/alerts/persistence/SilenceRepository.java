package io.nanopulse.alerts.persistence;

import io.nanopulse.alerts.application.port.SilenceStore;
import io.nanopulse.alerts.domain.Page;
import io.nanopulse.alerts.domain.Silence;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SilenceRepository implements SilenceStore {

    @Override
    public void insert(Silence silence) {
        SilenceEntity.of(silence).persist();
    }

    @Override
    public Optional<Silence> findOwned(UUID id, String owner) {
        return SilenceEntity.<SilenceEntity>find("id = ?1 and owner = ?2", id, owner).firstResultOptional()
                .map(SilenceEntity::toDomain);
    }

    @Override
    public Page<Silence> page(String owner, Instant activeAt, int page, int size) {
        var q = activeAt != null
                ? SilenceEntity.<SilenceEntity>find("owner = ?1 and startsAt <= ?2 and endsAt > ?2 order by createdAt, id",
                owner, activeAt)
                : SilenceEntity.<SilenceEntity>find("owner = ?1 order by createdAt, id", owner);
        q.page(page, size);
        return new Page<>(q.list().stream().map(SilenceEntity::toDomain).toList(), page, size, q.count());
    }

    @Override
    public List<Silence> inForce(String owner, Instant at) {
        return SilenceEntity.<SilenceEntity>list("owner = ?1 and startsAt <= ?2 and endsAt > ?2", owner, at).stream()
                .map(SilenceEntity::toDomain).toList();
    }

    @Override
    public void delete(UUID id) {
        SilenceEntity.deleteById(id);
    }
}
