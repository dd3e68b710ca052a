package io.nanopulse.gateway.api;

import io.nanopulse.gateway.support.FakeServices;
import io.nanopulse.gateway.support.TestKeys;
import io.nanopulse.testkit.browser.HeadlessChromium;
import io.nanopulse.testkit.quarkus.KafkaTestResource;
import io.nanopulse.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the dashboard in headless Chromium: an operator enters a read key and the page shows the data the
 * (stand-in) services hold: health tiles, consumer lag, the top-10 share bars and CN's series.
 * Needs the Debian packages chromium and chromium-driver; without them this test fails (never skips).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"), scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL, parallel = true)
class DashboardBrowserTest {
    @TestHTTPResource("/")
    URL page;

    WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void showsTheServicesDataAfterTheOperatorEntersAReadKey() {
        String key = TestKeys.withRoles("read");
        browser.get(page.toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        assertFalse(browser.getPageSource().contains(key), "the page carries no key");
        browser.findElement(By.id("key")).sendKeys(key);
        browser.findElement(By.cssSelector("#key-form button")).click();

        List<WebElement> bars = wait.until(d -> {
            List<WebElement> b = d.findElements(By.cssSelector("#shares-chart rect.bar"));
            return b.size() == 10 ? b : null;
        });
        assertEquals(List.of(FakeServices.COUNTRIES.split(",")), bars.stream().map(b -> b.getAttribute("data-key")).toList());
        double cn = Double.parseDouble(bars.get(0).getAttribute("width"));
        double ch = Double.parseDouble(bars.get(9).getAttribute("width"));
        assertTrue(cn > ch * 5, "bars are proportional to the shares: CN " + cn + " vs CH " + ch);

        WebElement line = wait.until(d -> d.findElements(By.cssSelector("#cn-chart path.line")).stream().findFirst().orElse(null));
        assertEquals("25", line.getAttribute("data-points"));
        // Years without any filing are gaps, not a drop to 0%: 23 years drawn in one stroke, the last two left out.
        assertEquals("2", line.getAttribute("data-gaps"));
        String path = line.getAttribute("d");
        assertEquals(1, path.chars().filter(c -> c == 'M').count(), path);
        assertEquals(22, path.chars().filter(c -> c == 'L').count(), path);

        wait.until(d -> d.findElements(By.cssSelector("#services .tile")).size() == 3);
        assertTrue(browser.findElement(By.cssSelector(".tile[data-service=metrics]")).getAttribute("class").contains("UP"));
        assertTrue(browser.findElement(By.cssSelector(".tile[data-service=alerts]")).getAttribute("class").contains("DOWN"));
        wait.until(d -> d.findElements(By.cssSelector("#lag tr[data-group]")).size() == 2);
        assertTrue(browser.findElement(By.id("pipeline")).getText().contains("2025-06-01T11:59:58Z"));
        assertTrue(browser.findElement(By.id("alerts")).getText().contains("alerts role"),
                "a read-only key gets the labelled empty alerts panel");
        assertTrue(browser.findElement(By.id("updated")).getText().startsWith("updated"));
    }

    @Test
    void aRefusedKeyBringsTheOperatorBackToTheForm() {
        browser.get(page.toString());
        browser.findElement(By.id("key")).sendKeys("np_" + "z".repeat(43));
        browser.findElement(By.cssSelector("#key-form button")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> d.findElement(By.id("login-error")).getText().contains("refused"));
        assertTrue(browser.findElement(By.id("login")).isDisplayed());
    }
}
