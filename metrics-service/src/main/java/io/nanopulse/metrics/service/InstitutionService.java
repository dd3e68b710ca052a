package io.nanopulse.metrics.service;

import io.nanopulse.contracts.EventValidator;
import io.nanopulse.metrics.persistence.AggregateLock;
import io.nanopulse.metrics.persistence.AggregateRebuilder;
import io.nanopulse.metrics.persistence.InstitutionAliasEntity;
import io.nanopulse.metrics.persistence.InstitutionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Canonical institutions and their aliases. Every change re-resolves stored names (moving each patent to its
 * holder) in the same transaction, under the exclusive aggregate lock, so totals stay exact.
 */
@ApplicationScoped
public class InstitutionService {
    public static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{1,63}";

    public record Institution(String id, String displayName, String country, List<Alias> aliases) {
    }

    public record Alias(long id, String pattern) {
    }

    /** Result of a change: the institution as it is now and how many stored patents moved holder. */
    public record Change(Institution institution, int patentsReassigned) {
    }

    @Inject
    AggregateLock lock;
    @Inject
    AggregateRebuilder rebuilder;
    @Inject
    InstitutionDirectory directory;

    public List<Institution> list(int page, int size) {
        return InstitutionEntity.<InstitutionEntity>findAll(io.quarkus.panache.common.Sort.by("id"))
                .page(page, size).list().stream().map(this::view).toList();
    }

    public long count() {
        return InstitutionEntity.count();
    }

    public Institution get(String id) {
        InstitutionEntity e = InstitutionEntity.findById(id);
        if (e == null) throw new NoSuchElementException("no institution '" + id + "'");
        return view(e);
    }

    private Institution view(InstitutionEntity e) {
        var aliases = InstitutionAliasEntity.<InstitutionAliasEntity>list("institutionId = ?1 order by id", e.id).stream()
                .map(a -> new Alias(a.id, a.pattern)).toList();
        return new Institution(e.id, e.displayName, e.country, aliases);
    }

    @Transactional
    public Change create(String id, String displayName, String country, List<String> aliases) throws SQLException {
        if (id == null || !id.matches(ID_PATTERN)) {
            throw new IllegalArgumentException("id: must match " + ID_PATTERN + " (lower-case letters, digits, dashes)");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 512) {
            throw new IllegalArgumentException("displayName: is required, at most 512 characters");
        }
        String cc = null;
        if (country != null && !country.isBlank()) {
            cc = country.strip().toUpperCase(Locale.ROOT);
            if (!EventValidator.isCountry(cc)) throw new IllegalArgumentException("country: not an ISO 3166-1 alpha-2 code");
        }
        lock.exclusive();
        if (InstitutionEntity.findById(id) != null) {
            throw new IllegalStateException("institution '" + id + "' exists");
        }
        var e = new InstitutionEntity();
        e.id = id;
        e.displayName = EventValidator.foldWhitespace(displayName);
        e.country = cc;
        e.persist();
        for (String pattern : aliases == null ? List.<String>of() : aliases) {
            persistAlias(id, pattern);
        }
        InstitutionEntity.flush();
        return new Change(view(e), reaggregate());
    }

    @Transactional
    public Change addAlias(String id, String pattern) throws SQLException {
        lock.exclusive();
        InstitutionEntity e = InstitutionEntity.findById(id);
        if (e == null) throw new NoSuchElementException("no institution '" + id + "'");
        persistAlias(id, pattern);
        InstitutionAliasEntity.flush();
        return new Change(view(e), reaggregate());
    }

    @Transactional
    public Change removeAlias(String id, long aliasId) throws SQLException {
        lock.exclusive();
        InstitutionEntity e = InstitutionEntity.findById(id);
        InstitutionAliasEntity a = InstitutionAliasEntity.findById(aliasId);
        if (e == null || a == null || !a.institutionId.equals(id)) {
            throw new NoSuchElementException("no alias " + aliasId + " of institution '" + id + "'");
        }
        a.delete();
        InstitutionAliasEntity.flush();
        return new Change(view(e), reaggregate());
    }

    @Transactional
    public int delete(String id) throws SQLException {
        lock.exclusive();
        InstitutionEntity e = InstitutionEntity.findById(id);
        if (e == null) throw new NoSuchElementException("no institution '" + id + "'");
        InstitutionAliasEntity.delete("institutionId", id);
        e.delete();
        InstitutionEntity.flush();
        return reaggregate();
    }

    private void persistAlias(String id, String pattern) {
        if (pattern == null || pattern.isBlank() || pattern.length() > 512) {
            throw new IllegalArgumentException("aliases: each alias is a name or pattern of 1 to 512 characters");
        }
        String key = Names.key(pattern);
        if (key.replace("*", "").isBlank()) {
            throw new IllegalArgumentException("aliases: '" + pattern + "' would match every name");
        }
        if (InstitutionAliasEntity.count("patternKey", key) > 0) {
            throw new IllegalStateException("alias '" + pattern + "' already belongs to an institution");
        }
        var a = new InstitutionAliasEntity();
        a.institutionId = id;
        a.pattern = EventValidator.foldWhitespace(pattern);
        a.patternKey = key;
        a.persist();
    }

    private int reaggregate() throws SQLException {
        return rebuilder.reassignInstitutions(directory.load());
    }

    /** Recomputes every aggregate from the stored patents (admin operation). */
    @Transactional
    public void rebuildAll() throws SQLException {
        lock.exclusive();
        rebuilder.reassignInstitutions(directory.load());
        rebuilder.rebuildAll();
    }
}
