package io.nanopulse.gateway.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the explorer in headless Chromium against the stand-in services: subjects are picked by searching (a
 * country by code, an institution by one of its aliases, a group by name) and every number the page shows (value,
 * numerator, denominator, each period of the series, each ranking row and the subject's position) must equal what
 * the gateway's API answers for the same query. Periods without any filing are gaps in the chart. The page's link
 * restores the view in a tab that has to be given the key again. Needs chromium and chromium-driver (never skips).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"), scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL, parallel = true)
class ExplorerBrowserTest {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TestHTTPResource("/explorer")
    URL page;

    WebDriver browser;
    WebDriverWait wait;
    String key;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        key = TestKeys.withRoles("read");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theNumbersShownAreTheApisForACountryAnInstitutionFoundByAliasAndAGroup() throws Exception {
        connect();

        pick("COUNTRY", "CN", "CN");
        click("CN");
        String cn = "kind=COUNTRY&key=CN&metric=share&window=ALL&interval=YEAR";
        awaitView(cn);
        assertFigure("/api/v1/figures?kind=COUNTRY&key=CN&window=ALL", "share");
        assertSeries("/api/v1/timeseries?kind=COUNTRY&key=CN&interval=YEAR&from=", "share", 2);
        assertRanking("/api/v1/rankings?kind=COUNTRY&metric=share&window=ALL&limit=100", "share", "CN", 1);

        new Select(browser.findElement(By.id("metric"))).selectByValue("licensingRate");
        pick("INSTITUTION", "kexue", "cas");
        WebElement alias = browser.findElement(By.cssSelector("#suggestions li[data-key=cas] small.alias"));
        assertTrue(alias.getText().contains("Zhongguo Kexueyuan"), "the suggestion says which alias matched: " + alias.getText());
        click("cas");
        awaitView("kind=INSTITUTION&key=cas&metric=licensingRate&window=ALL&interval=YEAR");
        assertFigure("/api/v1/figures?kind=INSTITUTION&key=cas&window=ALL", "licensingRate");
        assertSeries("/api/v1/timeseries?kind=INSTITUTION&key=cas&interval=YEAR&from=", "licensingRate", 2);
        assertRanking("/api/v1/rankings?kind=INSTITUTION&metric=licensingRate&window=ALL&limit=100", "licensingRate", "cas", 3);

        new Select(browser.findElement(By.id("metric"))).selectByValue("share");
        new Select(browser.findElement(By.id("interval"))).selectByValue("MONTH");
        setWindow("P5Y");
        pick("GROUP", "us-jp", "us-jp-kr");
        click("us-jp-kr");
        awaitView("kind=GROUP&key=us-jp-kr&metric=share&window=P5Y&interval=MONTH");
        assertFigure("/api/v1/figures?kind=GROUP&key=us-jp-kr&window=P5Y", "share");
        assertSeries("/api/v1/timeseries?kind=GROUP&key=us-jp-kr&interval=MONTH&from=", "share", 1);
        assertRanking("/api/v1/rankings?kind=GROUP&metric=share&window=P5Y&limit=100", "share", "us-jp-kr", 1);

        new Select(browser.findElement(By.id("metric"))).selectByValue("filings");
        browser.findElement(By.id("show")).click();
        awaitView("kind=GROUP&key=us-jp-kr&metric=filings&window=P5Y&interval=MONTH");
        assertFigure("/api/v1/figures?kind=GROUP&key=us-jp-kr&window=P5Y", "filings");
        assertFalse(browser.findElement(By.id("ratio")).isDisplayed(), "a count has no numerator and denominator");
        assertSeries("/api/v1/timeseries?kind=GROUP&key=us-jp-kr&interval=MONTH&from=", "filings", 1);
    }

    @Test
    void theLinkReproducesTheViewOnceTheKeyIsEntered() {
        connect();
        new Select(browser.findElement(By.id("metric"))).selectByValue("licensingRate");
        pick("INSTITUTION", "kexue", "cas");
        click("cas");
        String view = "kind=INSTITUTION&key=cas&metric=licensingRate&window=ALL&interval=YEAR";
        awaitView(view);
        String value = attr(By.id("value"), "data-value");
        String link = attr(By.id("permalink"), "href");
        assertEquals(page + "#" + view, link);
        assertFalse(link.contains(key), "the link carries no key");

        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.get("about:blank");
        browser.get(link);
        assertTrue(browser.findElement(By.id("login")).isDisplayed(), "a tab without the key asks for it");
        browser.findElement(By.id("key")).sendKeys(key);
        browser.findElement(By.cssSelector("#key-form button")).click();
        awaitView(view);
        assertEquals("cas", attr(By.id("subject"), "data-key"));
        assertEquals("INSTITUTION", new Select(browser.findElement(By.id("kind"))).getFirstSelectedOption().getAttribute("value"));
        assertEquals("licensingRate", new Select(browser.findElement(By.id("metric"))).getFirstSelectedOption().getAttribute("value"));
        assertEquals(value, attr(By.id("value"), "data-value"));
        assertEquals("3", attr(By.id("ranking-position"), "data-position"));
    }

    @Test
    void aLinkWithUnknownParametersFallsBackToTheDefaults() throws Exception {
        connect();
        // "constructor" is a property of every JavaScript object, not a metric; interval and extra parameters are ignored.
        browser.get(page + "#kind=COUNTRY&key=CN&metric=constructor&interval=toString&window=ALL&extra=1");
        awaitView("kind=COUNTRY&key=CN&metric=share&window=ALL&interval=YEAR");
        assertEquals("share", new Select(browser.findElement(By.id("metric"))).getFirstSelectedOption().getAttribute("value"));
        assertFigure("/api/v1/figures?kind=COUNTRY&key=CN&window=ALL", "share");
    }

    void connect() {
        browser.get(page.toString());
        assertFalse(browser.getPageSource().contains(key), "the page carries no key");
        browser.findElement(By.id("key")).sendKeys(key);
        browser.findElement(By.cssSelector("#key-form button")).click();
        wait.until(d -> d.findElement(By.id("explorer")).isDisplayed());
    }

    /** Chooses the kind, types the search text and waits for the subject among the suggestions. */
    void pick(String kind, String search, String subjectKey) {
        new Select(browser.findElement(By.id("kind"))).selectByValue(kind);
        WebElement box = browser.findElement(By.id("search"));
        box.clear();
        box.sendKeys(search);
        wait.until(d -> !d.findElements(By.cssSelector("#suggestions li[data-key='" + subjectKey + "']")).isEmpty());
    }

    void click(String subjectKey) {
        browser.findElement(By.cssSelector("#suggestions li[data-key='" + subjectKey + "']")).click();
    }

    void setWindow(String window) {
        WebElement w = browser.findElement(By.id("window"));
        w.clear();
        w.sendKeys(window);
    }

    void awaitView(String view) {
        wait.until(d -> view.equals(d.findElement(By.id("explorer")).getAttribute("data-view")));
    }

    JsonNode api(String path) throws Exception {
        String body = RestAssured.given().header("Authorization", TestKeys.bearer(key)).urlEncodingEnabled(false)
                .get(path).then().statusCode(200).extract().asString();
        return JSON.readTree(body);
    }

    /** The query the page published (data-{name}-query on #explorer): it must start as expected; the test replays it. */
    String published(String name, String expectedStart) {
        String query = attr(By.id("explorer"), "data-" + name + "-query");
        assertTrue(query != null && query.startsWith(expectedStart), name + " query " + query + " should start with " + expectedStart);
        return query;
    }

    void assertFigure(String expectedQuery, String metric) throws Exception {
        JsonNode f = api(published("figures", expectedQuery));
        boolean ratio = isRatio(metric);
        JsonNode value = ratio ? f.path(metric).path("value") : f.path(metric);
        assertSameNumber(value, attr(By.id("value"), "data-value"), "value");
        assertEquals(shownText(value, ratio), text("value"), "the value as read");
        if (ratio) {
            assertSameNumber(f.path(metric).path("numerator"), attr(By.id("numerator"), "data-value"), "numerator");
            assertSameNumber(f.path(metric).path("denominator"), attr(By.id("denominator"), "data-value"), "denominator");
            assertEquals(f.path(metric).path("numerator").asText(), text("numerator"));
            assertEquals(f.path(metric).path("denominator").asText(), text("denominator"));
        }
        for (String field : List.of("filings", "grants", "licensed")) {
            By cell = By.cssSelector("#figures tr[data-field=" + field + "] td");
            assertSameNumber(f.path(field), attr(cell, "data-value"), field);
            assertEquals(shownText(f.path(field), false), browser.findElement(cell).getText(), field + " as read");
        }
        for (String field : List.of("share", "licensingRate")) {
            JsonNode r = f.path(field);
            assertEquals(r.isMissingNode() || r.isNull() ? "–" : r.path("numerator").asText() + " / " + r.path("denominator").asText() + " = "
                    + shownText(r.path("value"), true),
                    browser.findElement(By.cssSelector("#figures tr[data-field=" + field + "] td")).getText(), field + " as read");
        }
        assertEquals(f.path("subject").path("key").asText(), attr(By.id("subject-name"), "data-key"));
    }

    void assertSeries(String expectedQuery, String metric, int gaps) throws Exception {
        JsonNode points = api(published("series", expectedQuery)).path("points");
        List<WebElement> rows = browser.findElements(By.cssSelector("#series tbody tr"));
        assertEquals(points.size(), rows.size());
        boolean ratio = isRatio(metric);
        int nulls = 0;
        for (int i = 0; i < points.size(); i++) {
            JsonNode p = points.get(i);
            JsonNode expected = p.path("globalFilings").asLong() == 0 ? null : ratio ? p.path(metric).path("value") : p.path(metric);
            WebElement row = rows.get(i);
            String shown = row.getAttribute("data-value");
            List<WebElement> cells = row.findElements(By.tagName("td"));
            if (expected == null || expected.isNull()) {
                nulls++;
                assertEquals("", shown, "period " + p.path("period") + " has no data");
                assertEquals("no data", cells.get(1).getAttribute("textContent"), "period " + p.path("period") + " as read");
            } else {
                assertSameNumber(expected, shown, "period " + p.path("period"));
                assertEquals(shownText(expected, ratio), cells.get(1).getAttribute("textContent"), "period " + p.path("period") + " as read");
            }
            if (ratio && p.path("globalFilings").asLong() != 0) {
                assertEquals(p.path(metric).path("numerator").asText() + " / " + p.path(metric).path("denominator").asText(),
                        cells.get(2).getAttribute("textContent"), "period " + p.path("period") + " numerator / denominator");
            }
        }
        assertEquals(gaps, nulls, "periods without data in the stand-in's series");
        WebElement line = browser.findElement(By.cssSelector("#series-chart path.line"));
        assertEquals(String.valueOf(points.size()), line.getAttribute("data-points"));
        assertEquals(String.valueOf(gaps), line.getAttribute("data-gaps"));
        assertEquals(points.size() - gaps, browser.findElements(By.cssSelector("#series-chart circle.point")).size());
    }

    void assertRanking(String expectedQuery, String metric, String subjectKey, int position) throws Exception {
        JsonNode entries = api(published("ranking", expectedQuery)).path("entries");
        List<WebElement> rows = browser.findElements(By.cssSelector("#ranking tbody tr"));
        assertEquals(entries.size(), rows.size());
        boolean ratio = isRatio(metric);
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            WebElement row = rows.get(i);
            JsonNode value = ratio ? e.path(metric).path("value") : e.path(metric);
            assertEquals(e.path("subject").path("key").asText(), row.getAttribute("data-key"));
            assertEquals(String.valueOf(i + 1), row.getAttribute("data-position"));
            assertSameNumber(value, row.getAttribute("data-value"), "row " + (i + 1));
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertEquals(shownText(value, ratio), cells.get(2).getAttribute("textContent"), "row " + (i + 1) + " as read");
            assertEquals(ratio ? e.path(metric).path("numerator").asText() + " / " + e.path(metric).path("denominator").asText() : "",
                    cells.get(3).getAttribute("textContent"), "row " + (i + 1) + " numerator / denominator");
        }
        WebElement current = browser.findElement(By.cssSelector("#ranking tbody tr.current"));
        assertEquals(subjectKey, current.getAttribute("data-key"));
        assertEquals(String.valueOf(position), current.getAttribute("data-position"));
        assertEquals(String.valueOf(position), attr(By.id("ranking-position"), "data-position"));
    }

    static boolean isRatio(String metric) {
        return metric.equals("share") || metric.equals("licensingRate");
    }

    /** What a reader sees for an API number: the integer, or the decimal with its exact percentage, e.g. "0.15 (15 %)". */
    static String shownText(JsonNode value, boolean ratio) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "–";
        }
        BigDecimal v = value.decimalValue();
        return ratio ? v.toPlainString() + " (" + v.movePointRight(2).stripTrailingZeros().toPlainString() + " %)" : v.toPlainString();
    }

    static void assertSameNumber(JsonNode expected, String shown, String what) {
        if (expected == null || expected.isMissingNode() || expected.isNull()) {
            assertEquals("", shown, what + ": the API has no figure");
            return;
        }
        assertFalse(shown == null || shown.isEmpty(), what + ": expected " + expected);
        BigDecimal api = expected.decimalValue();
        if (expected.isDouble() || api.precision() > 15) {
            // Beyond 15 digits (the stand-in's doubles; metrics writes 10 decimal places) a browser holds the nearest double.
            assertEquals(api.doubleValue(), Double.parseDouble(shown), what + ": API " + expected + ", page " + shown);
        } else {
            assertEquals(0, api.compareTo(new BigDecimal(shown)), what + ": API " + expected + ", page " + shown);
        }
    }

    String attr(By by, String name) {
        return browser.findElement(by).getAttribute(name);
    }

    String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }
}
