package io.nanopulse.gateway.api;

import io.nanopulse.gateway.support.FakeServices;
import io.nanopulse.gateway.support.TestKeys;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pages carry a CSP header that forbids framing; API answers, problems included, are never stored; nothing is sniffed. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"), scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL, parallel = true)
class SecurityHeadersTest {

    @Test
    void theDashboardForbidsFramingAndSniffing() {
        Response page = RestAssured.get("/");
        assertEquals(200, page.statusCode());
        String csp = page.header("Content-Security-Policy");
        assertNotNull(csp, "a CSP header");
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.contains("script-src 'self'"), csp);
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("no-referrer", page.header("Referrer-Policy"));
    }

    @Test
    void theExplorerCarriesTheSameCspAndNoKey() {
        Response page = RestAssured.get("/explorer?kind=COUNTRY");
        assertEquals(200, page.statusCode());
        String csp = page.header("Content-Security-Policy");
        assertNotNull(csp, "a CSP header");
        assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"), csp);
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertFalse(page.body().asString().matches("(?s).*np_[A-Za-z0-9_-]{20,}.*"), "the page holds no key");
    }

    @Test
    void theSwaggerUiMayNotBeFramed() {
        Response ui = RestAssured.given().redirects().follow(true).get("/q/swagger-ui/");
        assertEquals(200, ui.statusCode());
        assertEquals("frame-ancestors 'none'", ui.header("Content-Security-Policy"));
        assertEquals("nosniff", ui.header("X-Content-Type-Options"));
    }

    @Test
    void anApiAnswerIsNeverStored() {
        Response r = RestAssured.given().header("Authorization", TestKeys.bearer(TestKeys.withRoles("read")))
                .get("/api/v1/figures?kind=GLOBAL");
        assertEquals(200, r.statusCode());
        assertNoStore(r);
    }

    @Test
    void problemAnswersAreNeverStored() {
        Response unauthenticated = RestAssured.get("/api/v1/figures?kind=GLOBAL");
        assertEquals(401, unauthenticated.statusCode());
        assertTrue(unauthenticated.contentType().startsWith("application/problem+json"));
        assertNoStore(unauthenticated);
        Response notFound = RestAssured.given().header("Authorization", TestKeys.bearer(TestKeys.withRoles("read")))
                .get("/api/v1/no-such-thing");
        assertEquals(404, notFound.statusCode());
        assertNoStore(notFound);
    }

    static void assertNoStore(Response r) {
        assertEquals("no-store", r.header("Cache-Control"), r.statusCode() + " " + r.headers());
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
    }
}
