package io.nanopulse.gateway.support;

import io.nanopulse.gateway.application.ApiKeys;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.Set;
import java.util.UUID;

/** Creates API keys in the real key store of the running gateway (PostgreSQL). */
public final class TestKeys {
    public static final String BOOTSTRAP_ADMIN = "np_test-bootstrap-admin-key-0123456789abcdef";

    private TestKeys() {
    }

    public static String create(String principal, String... roles) {
        ApiKeys keys = Arc.container().instance(ApiKeys.class).get();
        return QuarkusTransaction.requiringNew().call(() -> keys.create(principal, Set.of(roles), "test").key());
    }

    public static String withRoles(String... roles) {
        return create("p-" + UUID.randomUUID().toString().substring(0, 8), roles);
    }

    public static String bearer(String key) {
        return "Bearer " + key;
    }
}
