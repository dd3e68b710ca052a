package io.nanopulse.metrics.application;

import io.nanopulse.metrics.domain.InstitutionResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The resolver for the current alias version, cached per instance and reloaded when another
 * transaction (on any instance) bumped the version.
 */
@ApplicationScoped
public class InstitutionDirectory {
    private volatile long version = -1;
    private volatile InstitutionResolver resolver = InstitutionResolver.none();

    @Inject
    InstitutionStore store;

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

    /** A resolver of the aliases as the caller's transaction sees them. */
    public InstitutionResolver load() {
        return new InstitutionResolver(store.aliases());
    }
}
