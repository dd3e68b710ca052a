package io.nanopulse.gateway.api;

import io.nanopulse.gateway.application.ApiKeyStore;
import io.nanopulse.gateway.domain.ApiKey;
import io.nanopulse.gateway.domain.KeyMaterial;
import io.nanopulse.gateway.persistence.ApiKeyRepository;
import io.nanopulse.gateway.support.FakeServices;
import io.nanopulse.gateway.support.TestKeys;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Key administration through the API with the bootstrap admin key; storage holds hashes only. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"), scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL, parallel = true)
class ApiKeysTest {
    static final String ADMIN = TestKeys.bearer(TestKeys.BOOTSTRAP_ADMIN);

    @Test
    void theBootstrapKeyIsStoredAsAHashAndWorks() {
        ApiKeyStore store = Arc.container().instance(ApiKeyStore.class).get();
        ApiKey stored = QuarkusTransaction.requiringNew().call(() -> store.findByHash(KeyMaterial.hash(TestKeys.BOOTSTRAP_ADMIN)))
                .orElse(null);
        assertNotNull(stored);
        assertEquals("admin", stored.principal());
        assertEquals(64, stored.keyHash().length());
        assertFalse(stored.keyHash().contains(TestKeys.BOOTSTRAP_ADMIN.substring(11)));
        RestAssured.given().header("Authorization", ADMIN).get("/api/v1/admin/keys").then().statusCode(200);
    }

    @Test
    void aCreatedKeyIsShownOnceListedWithoutSecretsAndRevocable() {
        Response created = RestAssured.given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"principal\":\"team-beta\",\"roles\":[\"read\"],\"description\":\"dashboard\"}")
                .post("/api/v1/admin/keys");
        assertEquals(201, created.statusCode(), created.asString());
        String key = created.jsonPath().getString("key");
        long id = created.jsonPath().getLong("apiKey.id");
        assertTrue(KeyMaterial.wellFormed(key));
        assertTrue(key.startsWith(created.jsonPath().getString("apiKey.prefix")));
        assertEquals("no-store", created.header("Cache-Control"));

        RestAssured.given().header("Authorization", TestKeys.bearer(key)).get("/api/v1/figures?kind=GLOBAL").then().statusCode(200);

        String listing = RestAssured.given().header("Authorization", ADMIN).get("/api/v1/admin/keys?size=200").asString();
        assertFalse(listing.contains(key), "a listing never shows a key");
        assertFalse(listing.contains(KeyMaterial.hash(key)), "nor its hash");
        RestAssured.given().header("Authorization", ADMIN).get("/api/v1/admin/keys?size=200")
                .then().body("items.principal", hasItem("team-beta"));

        RestAssured.given().header("Authorization", ADMIN).delete("/api/v1/admin/keys/" + id).then().statusCode(204);
        // Revoked on this instance at once (the cached lookup is dropped).
        RestAssured.given().header("Authorization", TestKeys.bearer(key)).get("/api/v1/figures?kind=GLOBAL")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
        RestAssured.given().header("Authorization", ADMIN).get("/api/v1/admin/keys?includeRevoked=true&size=200")
                .then().body("items.find { it.id == " + id + " }.revokedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void badKeyRequestsNameTheField() {
        RestAssured.given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"principal\":\"x y\",\"roles\":[\"root\"]}").post("/api/v1/admin/keys")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", org.hamcrest.Matchers.hasItems("principal", "roles[0]"));
        RestAssured.given().header("Authorization", ADMIN).get("/api/v1/admin/keys?size=0")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        RestAssured.given().header("Authorization", ADMIN).delete("/api/v1/admin/keys/999999999")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void theLastAdminKeyCannotBeRevoked() {
        ApiKeyRepository repository = Arc.container().instance(ApiKeyRepository.class).get();
        List<Long> admins = QuarkusTransaction.requiringNew().call(() -> repository.list(
                "revokedAt is null and roles like ?1", "%admin%").stream().map(k -> k.id).toList());
        String self = TestKeys.BOOTSTRAP_ADMIN;
        long selfId = QuarkusTransaction.requiringNew().call(() -> repository.findByHash(KeyMaterial.hash(self)).orElseThrow().id());
        // Revoke every other admin key first, so the bootstrap key is the last one.
        for (long id : admins) {
            if (id != selfId) {
                RestAssured.given().header("Authorization", ADMIN).delete("/api/v1/admin/keys/" + id).then().statusCode(204);
            }
        }
        RestAssured.given().header("Authorization", ADMIN).delete("/api/v1/admin/keys/" + selfId)
                .then().statusCode(409).contentType(startsWith("application/problem+json"));
    }
}
