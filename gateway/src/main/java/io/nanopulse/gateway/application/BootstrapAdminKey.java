package io.nanopulse.gateway.application;

import io.nanopulse.gateway.config.GatewayConfig;
import io.nanopulse.gateway.domain.KeyMaterial;
import io.nanopulse.gateway.domain.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * A fresh platform's first admin key: when nanopulse.gateway.bootstrap-admin-key
 * (env NANOPULSE_GATEWAY_BOOTSTRAP_ADMIN_KEY) is set and no active admin key exists, its hash is stored.
 * The key itself is never logged.
 */
@ApplicationScoped
public class BootstrapAdminKey {
    private static final Logger LOG = Logger.getLogger(BootstrapAdminKey.class);

    void onStart(@Observes StartupEvent event, GatewayConfig config, ApiKeyStore store, ApiKeys keys) {
        config.bootstrapAdminKey().filter(k -> !k.isBlank()).ifPresent(key -> {
            if (!KeyMaterial.wellFormed(key.strip())) {
                throw new IllegalStateException("nanopulse.gateway.bootstrap-admin-key must be np_ followed by at least "
                        + KeyMaterial.MIN_SECRET_CHARS + " characters of [A-Za-z0-9_-] (e.g. np_$(openssl rand -hex 24))");
            }
            String k = key.strip();
            boolean stored = QuarkusTransaction.requiringNew().call(() -> {
                if (store.activeAdminExists() || store.findByHash(KeyMaterial.hash(k)).isPresent()) {
                    return false;
                }
                keys.store(k, config.bootstrapAdminPrincipal(), Set.of(Roles.ADMIN), "bootstrap admin key");
                return true;
            });
            if (stored) {
                LOG.infof("stored the bootstrap admin key %s... for principal '%s'", KeyMaterial.prefix(k),
                        config.bootstrapAdminPrincipal());
            }
        });
    }
}
