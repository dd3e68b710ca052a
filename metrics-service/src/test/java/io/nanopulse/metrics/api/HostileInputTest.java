package io.nanopulse.metrics.api;

import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.nanopulse.testkit.trust.GatewayProof.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Hostile parameters and fields are refused naming them, never reaching PostgreSQL: no 5xx, no 404. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true, initArgs = @ResourceArg(name = "database", value = "metrics"))
class HostileInputTest {
    private static final String NUL = "\u0000";
    private static final String FAR_FUTURE = "+999999999-12-31";

    private static void refused(ValidatableResponse r, String field) {
        r.statusCode(400).contentType(startsWith("application/problem+json")).body("field", equalTo(field));
    }

    @Test
    void nulInAKeyIsRefusedOnEveryQuery() {
        refused(given().queryParams(Map.of("kind", "INSTITUTION", "key", NUL)).get("/metrics/figures").then(), "key");
        refused(given().queryParams(Map.of("kind", "INSTITUTION", "key", "cas" + NUL)).get("/metrics/timeseries").then(), "key");
        refused(given().contentType(ContentType.JSON)
                .body("{\"queries\":[{\"kind\":\"COUNTRY\",\"key\":\"CN\"},{\"kind\":\"INSTITUTION\",\"key\":\"\\u0000\"}]}")
                .post("/metrics/figures/batch").then(), "queries[1].key");
        refused(given().queryParam("name", "a" + NUL).get("/institutions/normalise").then(), "name");
    }

    @Test
    void aQueryThatIsNotPercentEncodedUtf8IsRefusedNamingTheParameter() {
        for (String bad : new String[]{"%C0%BC", "%ED%A0%80", "%FF", "%E2%82"}) {
            refused(given().urlEncodingEnabled(false).get("/institutions/normalise?name=" + bad).then(), "name");
        }
        given().urlEncodingEnabled(false).get("/institutions/normalise?name=caf%C3%A9").then().statusCode(200);
    }

    @Test
    void nulInAnInstitutionIsRefused() {
        refused(given().contentType(ContentType.JSON)
                .body("{\"id\":\"nul-test\",\"displayName\":\"Bad\\u0000Name\",\"country\":\"CN\"}")
                .post("/institutions").then(), "displayName");
        refused(given().contentType(ContentType.JSON)
                .body("{\"id\":\"nul-test\",\"displayName\":\"Fine\",\"aliases\":[\"ok\",\"x\\u0000\"]}")
                .post("/institutions").then(), "aliases[1]");
        given().get("/institutions/nul-test").then().statusCode(404);
    }

    @Test
    void datesOutsideTheRangeAreRefused() {
        refused(given().queryParams(Map.of("kind", "COUNTRY", "key", "CN", "asOf", FAR_FUTURE)).get("/metrics/figures").then(), "asOf");
        refused(given().queryParam("asOf", FAR_FUTURE).get("/metrics/rankings").then(), "asOf");
        refused(given().queryParam("asOf", FAR_FUTURE).get("/metrics/global").then(), "asOf");
        refused(given().queryParam("asOf", "1899-12-31").get("/metrics/global").then(), "asOf");
        refused(given().queryParams(Map.of("kind", "COUNTRY", "key", "CN", "to", FAR_FUTURE)).get("/metrics/timeseries").then(), "to");
        refused(given().queryParams(Map.of("window", "2020-01-01..+999999999-12-31")).get("/metrics/global").then(), "window");
        refused(given().contentType(ContentType.JSON)
                .body("{\"queries\":[{\"kind\":\"COUNTRY\",\"key\":\"CN\",\"asOf\":\"" + FAR_FUTURE + "\"}]}")
                .post("/metrics/figures/batch").then(), "queries[0].asOf");
        given().queryParam("asOf", "9999-12-31").get("/metrics/global").then().statusCode(200);
    }

    @Test
    void numbersAreParsedStrictly() {
        for (String bad : new String[]{"1.5", "abc", "2147483648", "0x10", "0"}) {
            refused(given().queryParam("limit", bad).get("/metrics/rankings").then(), "limit");
            refused(given().queryParam("page", bad.equals("0") ? "-1" : bad).get("/institutions").then(), "page");
            refused(given().queryParam("size", bad).get("/institutions").then(), "size");
        }
        given().queryParam("limit", "3").get("/metrics/rankings").then().statusCode(200);
    }

    @Test
    void pagingCannotOverflow() {
        refused(given().queryParams(Map.of("page", "2147483647", "size", "500")).get("/institutions").then(), "page");
        given().queryParams(Map.of("page", "1000000", "size", "500")).get("/institutions").then()
                .statusCode(200).body("items.size()", equalTo(0));
    }
}
