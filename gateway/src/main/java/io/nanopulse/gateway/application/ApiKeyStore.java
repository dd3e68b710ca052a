package io.nanopulse.gateway.application;

import io.nanopulse.gateway.domain.ApiKey;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Port: where API keys are kept (implemented by the PostgreSQL adapter). Callers run it in a transaction. */
public interface ApiKeyStore {

    /** @throws KeyStoreUnavailableException when the store cannot be reached */
    Optional<ApiKey> findByHash(String keyHash);

    Optional<ApiKey> findKey(long id);

    /** Stores a new key; roles in their canonical order. */
    ApiKey add(String keyHash, String prefix, String principal, List<String> roles, String description,
               OffsetDateTime createdAt);

    /** Marks an existing key revoked at {@code at}. */
    ApiKey revoke(long id, OffsetDateTime at);

    /** Whether some key with the admin role is not revoked. */
    boolean activeAdminExists();

    /** Keys with the admin role that are not revoked, leaving out {@code id}. */
    long countActiveAdminsExcept(long id);

    /** Oldest first. */
    List<ApiKey> page(int page, int size, boolean includeRevoked);

    long countKeys(boolean includeRevoked);
}
