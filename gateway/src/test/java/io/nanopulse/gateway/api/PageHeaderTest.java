package io.nanopulse.gateway.api;

import io.nanopulse.gateway.support.FakeServices;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pages with a key form share one header and key form (the template page-header.html): same markup on each. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"), scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL, parallel = true)
class PageHeaderTest {

    @Test
    void dashboardExplorerAndRulesShowTheSameHeaderAndKeyForm() {
        String reference = null;
        for (String path : List.of("/", "/explorer", "/rules")) {
            String html = RestAssured.get(path).then().statusCode(200).extract().asString();
            int start = html.indexOf("<header>");
            int end = html.indexOf("</header>");
            assertTrue(start >= 0 && end > start, path + " has a header");
            String header = html.substring(start, end).replaceAll("<h1>[^<]*</h1>", "<h1/>");
            assertTrue(header.contains("id=\"updated\""), path + " shows the status");
            assertTrue(header.contains("<button id=\"forget\" type=\"button\" class=\"secondary\" hidden>"), path + " has Forget");
            assertTrue(html.contains("<form id=\"key-form\">") && html.contains("id=\"login-error\""), path + " has the key form");
            if (reference == null) {
                reference = header;
            } else {
                assertEquals(reference, header, path + ": the header differs from the dashboard's");
            }
        }
    }
}
