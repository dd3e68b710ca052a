package io.nanopulse.gateway.config;

import io.nanopulse.contracts.trust.IdentityProof;
import io.nanopulse.contracts.trust.SigningKeys;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The {@link IdentityProof} between the gateway and the services, from exactly one of two settings: the keys
 * themselves (base64, at least 32 bytes each, comma-separated, the current one first) or a file holding them.
 * Made at start: a missing or invalid key stops the start.
 */
public class InternalTrust {
    static final String KEYS = "nanopulse.internal.signing-keys";
    static final String KEY_FILE = "nanopulse.internal.signing-key-file";

    @Produces
    @Singleton
    @Startup
    IdentityProof identityProof(@ConfigProperty(name = KEYS) Optional<String> keys,
                                @ConfigProperty(name = KEY_FILE) Optional<String> keyFile) {
        return new IdentityProof(SigningKeys.from(keys, keyFile, "nanopulse.internal.signing-key"));
    }
}
