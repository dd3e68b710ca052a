package io.nanopulse.alerts.api;

import io.nanopulse.alerts.support.MetricsStub;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.nanopulse.alerts.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Hostile fields and parameters are refused naming them, never reaching PostgreSQL: no 5xx, no 404. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "alerts"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = MetricsStub.class, scope = TestResourceScope.GLOBAL)
class HostileInputTest {
    private static final String NUL = "\u0000";

    private static String owner() {
        return "hostile-" + UUID.randomUUID();
    }

    private static String subscriber(String owner) {
        return as(owner).body(Map.of("name", "stream only")).post("/subscribers").then().statusCode(201)
                .extract().path("id");
    }

    private static void refused(ValidatableResponse r, String field) {
        r.statusCode(400).contentType(startsWith("application/problem+json")).body("field", equalTo(field));
    }

    @Test
    void nulInABodyIsRefusedNamingTheField() {
        String owner = owner();
        refused(as(owner).body(Map.of("name", "ops" + NUL)).post("/subscribers").then(), "name");
        String sub = subscriber(owner);
        refused(as(owner).body(Map.of("subscriberId", sub, "endsAt", "2999-01-01T00:00:00Z", "comment", "x" + NUL))
                .post("/silences").then(), "comment");
        refused(as(owner).body(Map.of("subscriberId", sub, "endsAt", "2999-01-01T00:00:00Z",
                "matchers", Map.of("team", NUL))).post("/silences").then(), "matchers.team");
        refused(as(owner).body(Map.of("subscriberId", sub, "name", "r", "subject", Map.of("kind", "INSTITUTION", "key", NUL),
                "metric", "filings", "window", "ALL", "condition", "ABOVE", "threshold", 1)).post("/rules").then(), "subject.key");
        as(owner).get("/subscribers").then().statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    void silencesOutsideTheDateRangeAreRefused() {
        String owner = owner();
        String sub = subscriber(owner);
        var r = as(owner).body(Map.of("subscriberId", sub, "startsAt", "+999999-01-01T00:00:00Z",
                "endsAt", "+999999-02-01T00:00:00Z")).post("/silences").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        r.body("errors.field", equalTo(List.of("startsAt", "endsAt")));
    }

    @Test
    void aControlCharacterAfterAnInstantIsRefusedNamingIt() {
        String owner = owner();
        String sub = subscriber(owner);
        for (String c : new String[]{NUL, "\u0001", "\u001f", " "}) {
            refused(as(owner).body(Map.of("subscriberId", sub, "startsAt", "2030-01-01T00:00:00Z" + c,
                    "endsAt", "2031-01-01T00:00:00Z")).post("/silences").then(), "startsAt");
        }
        as(owner).get("/silences").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void aQueryThatIsNotPercentEncodedUtf8IsRefusedNamingTheParameter() {
        String owner = owner();
        for (String bad : new String[]{"%C0%BC", "%ED%A0%80", "%FF", "%E2%82"}) {
            refused(as(owner).urlEncodingEnabled(false).get("/rules?key=" + bad).then(), "key");
        }
        refused(as(owner).urlEncodingEnabled(false).get("/rules?%FF=1").then(), "parameters");
    }

    @Test
    void numbersAndFlagsAreParsedStrictly() {
        String owner = owner();
        for (String bad : new String[]{"1.5", "abc", "2147483648", "0x10", "-1"}) {
            refused(as(owner).queryParam("page", bad).get("/subscribers").then(), "page");
            refused(as(owner).queryParam("size", bad).get("/rules").then(), "size");
            refused(as(owner).queryParam("page", bad).get("/silences").then(), "page");
        }
        refused(as(owner).queryParam("active", "yes").get("/silences").then(), "active");
        refused(as(owner).queryParam("subscriberId", "not-a-uuid").get("/rules").then(), "subscriberId");
        refused(as(owner).queryParam("key", NUL).get("/rules").then(), "key");
    }

    @Test
    void pagingCannotOverflow() {
        String owner = owner();
        refused(as(owner).queryParams(Map.of("page", "2147483647", "size", "200")).get("/subscribers").then(), "page");
        as(owner).queryParams(Map.of("page", "1000000", "size", "200")).get("/subscribers").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }
}
