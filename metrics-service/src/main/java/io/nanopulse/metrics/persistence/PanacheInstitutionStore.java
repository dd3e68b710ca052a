package io.nanopulse.metrics.persistence;

import io.nanopulse.contracts.api.metrics.Alias;
import io.nanopulse.contracts.api.metrics.Institution;
import io.nanopulse.metrics.application.InstitutionStore;
import io.nanopulse.metrics.domain.InstitutionResolver;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Institutions and aliases as the Panache entities {@link InstitutionEntity} and {@link InstitutionAliasEntity}. */
@ApplicationScoped
public class PanacheInstitutionStore implements InstitutionStore {

    @Override
    public List<Institution> page(int page, int size) {
        return InstitutionEntity.<InstitutionEntity>findAll(Sort.by("id"))
                .page(page, size).list().stream().map(PanacheInstitutionStore::view).toList();
    }

    @Override
    public long count() {
        return InstitutionEntity.count();
    }

    @Override
    public boolean exists(String id) {
        return InstitutionEntity.findById(id) != null;
    }

    @Override
    public Optional<Institution> find(String id) {
        InstitutionEntity e = InstitutionEntity.findById(id);
        return e == null ? Optional.empty() : Optional.of(view(e));
    }

    private static Institution view(InstitutionEntity e) {
        var aliases = InstitutionAliasEntity.<InstitutionAliasEntity>list("institutionId = ?1 order by id", e.id).stream()
                .map(a -> new Alias(a.id, a.pattern)).toList();
        return new Institution(e.id, e.displayName, e.country, aliases);
    }

    @Override
    public void create(String id, String displayName, String country) {
        var e = new InstitutionEntity();
        e.id = id;
        e.displayName = displayName;
        e.country = country;
        e.persist();
    }

    @Override
    public boolean aliasKeyTaken(String patternKey) {
        return InstitutionAliasEntity.count("patternKey", patternKey) > 0;
    }

    @Override
    public void addAlias(String institutionId, String pattern, String patternKey) {
        var a = new InstitutionAliasEntity();
        a.institutionId = institutionId;
        a.pattern = pattern;
        a.patternKey = patternKey;
        a.persist();
    }

    @Override
    public boolean removeAlias(String institutionId, long aliasId) {
        InstitutionAliasEntity a = InstitutionAliasEntity.findById(aliasId);
        if (a == null || !a.institutionId.equals(institutionId)) {
            return false;
        }
        a.delete();
        return true;
    }

    @Override
    public boolean delete(String id) {
        InstitutionEntity e = InstitutionEntity.findById(id);
        if (e == null) {
            return false;
        }
        InstitutionAliasEntity.delete("institutionId", id);
        e.delete();
        return true;
    }

    @Override
    public void flush() {
        InstitutionEntity.flush();
    }

    @Override
    public List<InstitutionResolver.Alias> aliases() {
        return InstitutionAliasEntity.<InstitutionAliasEntity>listAll().stream()
                .map(a -> new InstitutionResolver.Alias(a.institutionId, a.pattern)).toList();
    }
}
