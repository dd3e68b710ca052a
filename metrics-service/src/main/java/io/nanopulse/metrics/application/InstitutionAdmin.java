package io.nanopulse.metrics.application;

import io.nanopulse.contracts.EventValidator;
import io.nanopulse.contracts.api.SubjectKey;
import io.nanopulse.contracts.api.metrics.Institution;
import io.nanopulse.contracts.api.metrics.InstitutionChange;
import io.nanopulse.contracts.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Canonical institutions and their aliases. Every change re-resolves stored names (moving each patent to its
 * holder) in the same transaction, under the exclusive aggregate lock, so totals stay exact.
 */
@ApplicationScoped
public class InstitutionAdmin {
    public static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{1,63}";
    /** Longest display name or alias. */
    static final int MAX_NAME = EventValidator.MAX_TEXT;

    @Inject
    AggregateLock lock;
    @Inject
    AggregateStore aggregates;
    @Inject
    InstitutionDirectory directory;
    @Inject
    InstitutionStore store;

    public List<Institution> list(int page, int size) {
        return store.page(page, size);
    }

    public long count() {
        return store.count();
    }

    public Institution get(String id) {
        return store.find(id).orElseThrow(() -> noInstitution(id));
    }

    @Transactional
    public InstitutionChange create(String id, String displayName, String country, List<String> aliases) throws SQLException {
        if (id == null || !id.matches(ID_PATTERN)) {
            throw ProblemException.invalid("id", "must match " + ID_PATTERN + " (lower-case letters, digits, dashes)");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > MAX_NAME) {
            throw ProblemException.invalid("displayName", "is required, at most " + MAX_NAME + " characters");
        }
        String cc = null;
        if (country != null && !country.isBlank()) {
            cc = country.strip().toUpperCase(Locale.ROOT);
            if (!EventValidator.isCountry(cc)) {
                throw ProblemException.invalid("country", "not an ISO 3166-1 alpha-2 code");
            }
        }
        lock.exclusive();
        if (store.exists(id)) {
            throw ProblemException.conflict("institution '" + id + "' exists");
        }
        store.create(id, EventValidator.foldWhitespace(displayName), cc);
        for (String pattern : aliases == null ? List.<String>of() : aliases) {
            addAliasRow(id, pattern);
        }
        store.flush();
        return changed(id);
    }

    @Transactional
    public InstitutionChange addAlias(String id, String pattern) throws SQLException {
        lock.exclusive();
        if (!store.exists(id)) {
            throw noInstitution(id);
        }
        addAliasRow(id, pattern);
        store.flush();
        return changed(id);
    }

    @Transactional
    public InstitutionChange removeAlias(String id, long aliasId) throws SQLException {
        lock.exclusive();
        if (!store.exists(id) || !store.removeAlias(id, aliasId)) {
            throw ProblemException.notFound("no alias " + aliasId + " of institution '" + id + "'");
        }
        store.flush();
        return changed(id);
    }

    /** Deletes an institution and its aliases; returns the patents that moved back to their own names. */
    @Transactional
    public int delete(String id) throws SQLException {
        lock.exclusive();
        if (!store.delete(id)) {
            throw noInstitution(id);
        }
        store.flush();
        return reaggregate();
    }

    private void addAliasRow(String id, String pattern) {
        if (pattern == null || pattern.isBlank() || pattern.length() > MAX_NAME) {
            throw ProblemException.invalid("aliases", "each alias is a name or pattern of 1 to " + MAX_NAME + " characters");
        }
        String key = SubjectKey.nameKey(pattern);
        if (key.replace("*", "").isBlank()) {
            throw ProblemException.invalid("aliases", "'" + pattern + "' would match every name");
        }
        if (store.aliasKeyTaken(key)) {
            throw ProblemException.conflict("alias '" + pattern + "' already belongs to an institution");
        }
        store.addAlias(id, EventValidator.foldWhitespace(pattern), key);
    }

    /** The institution as it is now, and the patents its change moved (re-resolved after the view is read). */
    private InstitutionChange changed(String id) throws SQLException {
        Institution now = store.find(id).orElseThrow(() -> noInstitution(id));
        return new InstitutionChange(now, reaggregate());
    }

    private int reaggregate() throws SQLException {
        return aggregates.reassignInstitutions(directory.load());
    }

    private static ProblemException noInstitution(String id) {
        return ProblemException.notFound("no institution '" + id + "'");
    }
}
