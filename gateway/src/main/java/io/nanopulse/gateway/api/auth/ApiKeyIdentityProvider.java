package io.nanopulse.gateway.api.auth;

import io.nanopulse.gateway.application.ApiKeys;
import io.nanopulse.gateway.domain.ApiKey;
import io.nanopulse.gateway.domain.KeyMaterial;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Turns a bearer key into an identity: principal name and roles of the stored key. A refused key spends a
 * token of its client address, and a key that is not cached is looked up only while that address has one,
 * or when it was valid here within the last hour.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {
    /** Identity attribute: the id of the key used (rate limits are per key). */
    public static final String KEY_ID = "nanopulse.key-id";
    public static final String KEY_PREFIX = "nanopulse.key-prefix";

    private final ApiKeys keys;
    private final ClientAddressLimit limit;

    public ApiKeyIdentityProvider(ApiKeys keys, ClientAddressLimit limit) {
        this.keys = keys;
        this.limit = limit;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        String hash = KeyMaterial.hash(request.token());
        String address = request.clientAddress();
        Optional<ApiKey> cached = keys.cached(hash);
        if (cached != null) {
            try {
                return Uni.createFrom().item(toIdentity(cached, address));
            } catch (RuntimeException e) {
                return Uni.createFrom().failure(e);
            }
        }
        ClientAddressLimitedException limited = limit.beforeLookup(address);
        if (limited != null && !keys.seenValid(hash)) {
            return Uni.createFrom().failure(limited);
        }
        return context.runBlocking(() -> toIdentity(keys.load(hash), address));
    }

    private SecurityIdentity toIdentity(Optional<ApiKey> found, String address) {
        if (found.isEmpty() || found.get().revoked()) {
            throw limit.refuse(address, new AuthenticationFailedException("unknown or revoked API key"));
        }
        ApiKey key = found.get();
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(key.principal()))
                .addRoles(key.roles())
                .addAttribute(KEY_ID, key.id())
                .addAttribute(KEY_PREFIX, key.prefix())
                .build();
    }
}
