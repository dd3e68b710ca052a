package io.nanopulse.gateway.api;

import io.nanopulse.gateway.application.Forwarding;
import io.nanopulse.gateway.support.FakeService;
import io.nanopulse.gateway.support.FakeServices;
import io.nanopulse.testkit.browser.HeadlessChromium;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page of an e-mail confirmation link, in headless Chromium: the token of the link's fragment is posted only
 * when the reader presses the button, then the page shows the confirmed address, or the problem's detail for a
 * token alerts-service does not know. The page is served without the token ever reaching the gateway.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"), scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL, parallel = true)
class ConfirmEmailPageBrowserTest {
    static final String TOKEN = "Zx4kq0MhW7cV2bN9rT5yL1pD8sF3gJ6uA0eK2iO4wQm";

    @TestHTTPResource("/confirm-email")
    URL page;

    WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
        FakeServices.alerts.routeRequest("/email-confirmations", request -> {
            return request.text().contains(TOKEN)
                    ? FakeService.Answer.json("{\"subscriberId\":\"0b9d5f1e-8f5a-4d7e-9a57-3f0b7a2c9e11\",\"email\":\"analyst@example.org\","
                    + "\"confirmedAt\":\"2026-12-06T03:00:00Z\"}")
                    : new FakeService.Answer(404, "application/problem+json", "{\"type\":\"https://nanopulse.io/problems/not-found\","
                    + "\"title\":\"Not found\",\"status\":404,\"detail\":\"token: no pending confirmation has this token\"}");
        });
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theButtonConfirmsTheAddressOfTheLinksToken() {
        int before = FakeServices.alerts.received.size();
        browser.get(page + "#token=" + TOKEN);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> d.findElement(By.id("confirm")).isDisplayed());
        assertEquals(before, FakeServices.alerts.received.size(), "opening the link confirms nothing");
        assertFalse(browser.getPageSource().contains(TOKEN), "the page does not show the token");

        browser.findElement(By.id("confirm")).click();
        wait.until(d -> d.findElement(By.id("confirm-done")).isDisplayed());
        assertEquals("analyst@example.org", browser.findElement(By.id("confirmed-email")).getText());
        FakeService.Received r = FakeServices.alerts.last();
        assertEquals("POST /email-confirmations", r.method() + " " + r.uri());
        assertEquals(("{\"token\":\"" + TOKEN + "\"}").length(), r.bodyBytes());
        assertEquals(Forwarding.ANONYMOUS, FakeServices.alerts.proven());
        assertFalse(browser.getCurrentUrl().contains(TOKEN), "the spent token leaves the address bar");
    }

    @Test
    void anUnknownTokenShowsTheProblemsDetail() {
        browser.get(page + "#token=unknown-token");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> d.findElement(By.id("confirm")).isDisplayed());
        browser.findElement(By.id("confirm")).click();
        wait.until(d -> d.findElement(By.id("confirm-error")).isDisplayed());
        assertEquals("token: no pending confirmation has this token", browser.findElement(By.id("confirm-error")).getText());
        assertFalse(browser.findElement(By.id("confirm-done")).isDisplayed());
    }

    @Test
    void withoutATokenThePageSaysSoAndOffersNoButton() {
        browser.get(page.toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> d.findElement(By.id("confirm-missing")).isDisplayed());
        assertFalse(browser.findElement(By.id("confirm")).isDisplayed());
    }

    @Test
    void thePageIsPublicWithAStrictPolicyAndNoInlineScript() {
        Response r = RestAssured.given().get("/confirm-email");
        assertEquals(200, r.statusCode());
        String csp = r.header("Content-Security-Policy");
        assertTrue(csp != null && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), String.valueOf(csp));
        String html = r.asString();
        assertTrue(html.contains("<script src=\"/pages/confirm-email.js\"></script>"), html);
        assertFalse(html.matches("(?s).*<script>.*|.*<script(?![^>]*src=)[^>]*>.*|.*\\son[a-z]+=.*"), "no inline script or handler");
    }
}
