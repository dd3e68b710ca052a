package io.nanopulse.metrics.service;

import io.nanopulse.metrics.persistence.InstitutionAliasEntity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The resolver for the current alias version, cached per instance and reloaded when another
 * transaction (on any instance) bumped the version.
 */
@ApplicationScoped
public class InstitutionDirectory {
    private volatile long version = -1;
    private volatile InstitutionResolver resolver = InstitutionResolver.none();

    /** Caller's transaction must hold the aggregate lock that returned {@code currentVersion}. */
    public InstitutionResolver resolverFor(long currentVersion) {
        if (currentVersion != version) {
            synchronized (this) {
                if (currentVersion != version) {
                    resolver = load();
                    version = currentVersion;
                }
            }
        }
        return resolver;
    }

    public InstitutionResolver load() {
        return new InstitutionResolver(InstitutionAliasEntity.<InstitutionAliasEntity>listAll().stream()
                .map(a -> new InstitutionResolver.Alias(a.institutionId, a.pattern)).toList());
    }
}
