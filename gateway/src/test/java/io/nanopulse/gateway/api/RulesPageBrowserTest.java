package io.nanopulse.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nanopulse.gateway.support.FakeServices;
import io.nanopulse.gateway.support.RulesStandIn;
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

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the rules page (/rules) in headless Chromium against a stand-in of alerts-service's subscriber API
 * ({@link RulesStandIn}) and the metrics stand-in's yearly series: the lists, creating and editing a rule (the JSON
 * the page posts, a refused field shown at its field), the preview (threshold line, the backtest's firing periods as
 * bands), redelivering, and a rotated secret shown once.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"), scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL, parallel = true)
class RulesPageBrowserTest {
    @TestHTTPResource("/rules")
    URL page;

    WebDriver browser;
    WebDriverWait wait;
    RulesStandIn alerts;
    String key;

    @BeforeEach
    void openThePage() {
        String principal = "rules-page-" + UUID.randomUUID().toString().substring(0, 8);
        alerts = new RulesStandIn(principal).install(FakeServices.alerts);
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(page.toString());
        key = TestKeys.create(principal, "alerts", "read");
        browser.findElement(By.id("key")).sendKeys(key);
        browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector("#rules tr[data-rule-id]")).size() == 2);
    }

    @AfterEach
    void closeBrowser() {
        alerts.releaseSlow();
        if (browser != null) {
            browser.quit();
        }
    }

    WebElement row(String table, String attribute, String id) {
        return wait.until(d -> d.findElements(By.cssSelector("#" + table + " tr[" + attribute + "='" + id + "']")).stream()
                .findFirst().orElse(null));
    }

    void click(String css) {
        wait.until(d -> d.findElement(By.cssSelector(css)).isDisplayed());
        browser.findElement(By.cssSelector(css)).click();
    }

    /** Sends one script that clicks the element twice in a row, as a double click does. */
    void clickTwice(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].click(); arguments[0].click();", element);
    }

    /** The API's answer to a query the page made, asked again with the page's key. */
    JsonNode api(String query) throws Exception {
        return new ObjectMapper().readTree(RestAssured.given().header("Authorization", "Bearer " + key).get(query)
                .then().statusCode(200).extract().asString());
    }

    /** The chart's query for the history: the range the page chose, replayed against the API for the expected points. */
    String seriesQuery(String attribute, LocalDate to, String from) {
        String query = browser.findElement(By.id("preview-chart")).getAttribute(attribute);
        assertTrue(query.endsWith("&interval=YEAR&from=" + from + "&to=" + to), query);
        return query;
    }

    /** A period's value as the API gives it (null when nobody filed anything then): label -> value. */
    static Map<String, Double> values(JsonNode series, String metric) {
        Map<String, Double> values = new java.util.LinkedHashMap<>();
        for (JsonNode p : series.path("points")) {
            JsonNode v = metric.equals("share") ? p.path("share").path("value") : p.path(metric);
            values.put(p.path("period").asText().substring(0, 4),
                    p.path("globalFilings").asLong() == 0 || v.isNull() || v.isMissingNode() ? null : v.asDouble());
        }
        return values;
    }

    Map<String, String> drawn() {
        Map<String, String> drawn = new HashMap<>();
        browser.findElements(By.cssSelector("#preview-chart circle.point"))
                .forEach(c -> drawn.put(c.getAttribute("data-label"), c.getAttribute("data-value")));
        return drawn;
    }

    void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    @Test
    void listsTheSubscribersRulesSilencesAndDeliveries() {
        WebElement policy = row("subscribers", "data-subscriber-id", RulesStandIn.POLICY);
        assertEquals("policy team", policy.findElement(By.cssSelector("td.name")).getText());
        assertTrue(policy.findElement(By.cssSelector("td.channel")).getText().contains("https://hooks.example.org/np"));
        WebElement email = policy.findElement(By.cssSelector("td.email"));
        assertEquals("false", email.getAttribute("data-confirmed"));
        assertTrue(email.getText().contains("team@example.org (awaiting confirmation)"), email.getText());
        assertEquals(1, policy.findElements(By.cssSelector("button.resend-confirmation")).size());
        WebElement ops = row("subscribers", "data-subscriber-id", RulesStandIn.OPS);
        assertEquals("–", ops.findElement(By.cssSelector("td.channel")).getText());
        assertEquals(0, ops.findElements(By.cssSelector("button.resend-confirmation")).size());

        WebElement cn = row("rules", "data-rule-id", RulesStandIn.CN_RULE);
        assertEquals("FIRING", cn.getAttribute("data-state"));
        assertEquals("2026-11-30 08:00:00Z", cn.findElement(By.cssSelector("td.since")).getText());
        assertEquals("COUNTRY CN", cn.findElement(By.cssSelector("td.subject")).getText());
        WebElement compare = row("rules", "data-rule-id", RulesStandIn.COMPARE_RULE);
        assertEquals("OK", compare.getAttribute("data-state"));
        assertEquals("COMPARE", compare.findElement(By.cssSelector("td.kind")).getText());
        assertEquals("COUNTRY CN vs COUNTRY US", compare.findElement(By.cssSelector("td.subject")).getText());

        WebElement silence = row("silences", "data-silence-id", RulesStandIn.SILENCE);
        assertEquals("true", silence.getAttribute("data-active"));
        assertTrue(silence.getText().contains("rule CN share above 40%") && silence.getText().contains("year-end freeze"),
                silence.getText());

        policy.findElement(By.cssSelector("button.show-deliveries")).click();
        WebElement failed = row("deliveries", "data-delivery-id", RulesStandIn.FAILED_DELIVERY);
        assertEquals("FAILED", failed.getAttribute("data-status"));
        assertEquals("5", failed.findElement(By.cssSelector("td.attempts")).getText());
        assertEquals("connect timed out", failed.findElement(By.cssSelector("td.last-error")).getText());
        WebElement mail = row("deliveries", "data-delivery-id", RulesStandIn.EMAIL_DELIVERY);
        assertEquals("EMAIL", mail.getAttribute("data-channel"));
        assertEquals("DELIVERED", mail.getAttribute("data-status"));
        assertFalse(browser.getPageSource().contains(key), "no key in the page");
    }

    @Test
    void createsARuleShowingARefusedFieldAtItsFieldAndEditsAnother() throws Exception {
        click("#new-rule");
        new Select(browser.findElement(By.id("rule-subscriber"))).selectByValue(RulesStandIn.POLICY);
        type("rule-name", "JP share above 12%");
        new Select(browser.findElement(By.id("rule-subject-kind"))).selectByValue("COUNTRY");
        type("rule-subject-key", "JP");
        type("rule-threshold", "0.12");
        type("rule-recovery-threshold", "0.13");
        click("#rule-save");

        WebElement error = wait.until(d -> {
            WebElement e = d.findElement(By.cssSelector("#rule-form .field-error[data-error-for=recoveryThreshold]"));
            return e.getText().isEmpty() ? null : e;
        });
        assertEquals(RulesStandIn.recoveryAboveThreshold(0.12), error.getText());
        assertEquals("true", browser.findElement(By.id("rule-recovery-threshold")).getAttribute("aria-invalid"));
        assertEquals("", browser.findElement(By.id("rule-form-error")).getText());
        assertTrue(browser.findElement(By.id("rule-editor")).isDisplayed(), "the editor stays open with the refused rule");

        type("rule-recovery-threshold", "0.11");
        clickTwice(browser.findElement(By.id("rule-save")));
        wait.until(d -> d.findElements(By.cssSelector("#rules tr[data-rule-id]")).size() == 3);
        wait.until(d -> browser.findElement(By.id("rule-save")).isEnabled());
        List<RulesStandIn.Call> posts = alerts.calls("POST", "/rules");
        assertEquals(2, posts.size(), "a double click on Save creates one rule");
        JsonNode sent = posts.get(1).body();
        assertEquals(new ObjectMapper().readTree("{\"subscriberId\":\"" + RulesStandIn.POLICY + "\",\"name\":\"JP share above 12%\","
                + "\"kind\":\"THRESHOLD\",\"metric\":\"share\",\"window\":\"P12M\",\"subject\":{\"kind\":\"COUNTRY\",\"key\":\"JP\"},"
                + "\"condition\":\"ABOVE\",\"threshold\":0.12,\"recoveryThreshold\":0.11}"), sent);
        String created = browser.findElements(By.cssSelector("#rules tr[data-rule-id]")).stream()
                .filter(r -> r.getText().contains("JP share above 12%")).findFirst().orElseThrow().getAttribute("data-rule-id");
        assertFalse(List.of(RulesStandIn.CN_RULE, RulesStandIn.COMPARE_RULE).contains(created));
        assertFalse(browser.findElement(By.id("rule-editor")).isDisplayed());
        assertTrue(browser.findElement(By.id("notice")).getText().contains("created"));

        row("rules", "data-rule-id", RulesStandIn.COMPARE_RULE).findElement(By.cssSelector("button.edit-rule")).click();
        wait.until(d -> d.findElement(By.id("rule-other-key")).isDisplayed());
        assertEquals(RulesStandIn.COMPARE_RULE, browser.findElement(By.id("rule-form")).getAttribute("data-rule-id"));
        assertEquals("US", browser.findElement(By.id("rule-other-key")).getAttribute("value"));
        assertFalse(browser.findElement(By.id("rule-threshold")).isDisplayed(), "COMPARE has no threshold");
        type("rule-other-key", "KR");
        type("rule-margin", "0.02");
        click("#rule-save");
        wait.until(d -> alerts.calls("PUT", "/rules/").size() == 1);
        RulesStandIn.Call put = alerts.calls("PUT", "/rules/").get(0);
        assertEquals("/rules/" + RulesStandIn.COMPARE_RULE, put.path());
        assertEquals("COMPARE", put.body().path("kind").asText());
        assertEquals("KR", put.body().path("other").path("key").asText());
        assertEquals(0.02, put.body().path("margin").asDouble());
        assertEquals("policy", put.body().path("labels").path("team").asText(), "the rule's labels are kept");
        assertFalse(put.body().has("threshold"));
        wait.until(d -> row("rules", "data-rule-id", RulesStandIn.COMPARE_RULE).getText().contains("COUNTRY KR"));
    }

    @Test
    void thePreviewDrawsTheThresholdAndTheBacktestsFiringPeriods() throws Exception {
        click("#new-rule");
        type("rule-name", "CN share above 20%");
        type("rule-subject-key", "CN");
        type("rule-threshold", "0.2");
        new Select(browser.findElement(By.id("preview-range"))).selectByValue("years");
        click("#rule-preview");

        WebElement threshold = wait.until(d -> d.findElements(By.cssSelector("#preview-chart line.ref")).stream().findFirst().orElse(null));
        assertEquals("0.2", threshold.getAttribute("data-value"));
        JsonNode asked = alerts.calls("POST", "/rules/backtest").get(0).body();
        LocalDate to = LocalDate.parse(asked.path("to").asText());
        // The last ten years up to the backtest's end, as the API answers that query: every point drawn, gaps where null.
        Map<String, Double> api = values(api(seriesQuery("data-series-query", to, (to.getYear() - 9) + "-01-01")), "share");
        WebElement line = browser.findElement(By.cssSelector("#preview-chart path.line"));
        assertEquals(String.valueOf(api.size()), line.getAttribute("data-points"));
        assertEquals(String.valueOf(api.values().stream().filter(v -> v == null).count()), line.getAttribute("data-gaps"));
        Map<String, String> drawn = drawn();
        api.forEach((label, v) -> {
            if (v != null) {
                assertEquals(v, Double.parseDouble(drawn.get(label)), 1e-12, label);
            }
        });
        List<String> bands = browser.findElements(By.cssSelector("#preview-chart rect.band")).stream()
                .map(b -> b.getAttribute("data-from") + ".." + b.getAttribute("data-to")).toList();
        assertEquals(List.of("2019..2021", "2024..2025"), bands, "the stand-in's firing periods " + RulesStandIn.FIRING);
        WebElement summary = browser.findElement(By.id("preview-summary"));
        assertEquals("2", summary.getAttribute("data-firing-periods"));
        assertEquals("FIRING", summary.getAttribute("data-state"));

        List<RulesStandIn.Call> backtests = alerts.calls("POST", "/rules/backtest");
        assertEquals(1, backtests.size());
        assertEquals("MONTH", asked.path("step").asText());
        assertFalse(to.isAfter(LocalDate.now(ZoneOffset.UTC)), "a backtest ends today at the latest");
        assertEquals(to.withDayOfMonth(1).minusMonths(119), LocalDate.parse(asked.path("from").asText()), "120 months at most");
        assertEquals(0.2, asked.path("rule").path("threshold").asDouble());
        assertEquals("CN", asked.path("rule").path("subject").path("key").asText());
        assertTrue(alerts.calls("POST", "/rules").stream().noneMatch(c -> c.path().equals("/rules")), "a preview saves nothing");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('rule-editor').scrollIntoView()");
        HeadlessChromium.screenshot(browser, Path.of("target", "screenshots", "rules-page.png"));
    }

    @Test
    void aCompareRulesPreviewDrawsTheSubjectMinusTheOther() throws Exception {
        click("#new-rule");
        new Select(browser.findElement(By.id("rule-kind"))).selectByValue("COMPARE");
        type("rule-name", "CN ahead of CAS");
        type("rule-subject-key", "CN");
        new Select(browser.findElement(By.id("rule-other-kind"))).selectByValue("INSTITUTION");
        type("rule-other-key", "cas");
        type("rule-margin", "0.01");
        assertFalse(browser.findElement(By.id("rule-threshold")).isDisplayed());
        click("#rule-preview");

        WebElement line = wait.until(d -> d.findElements(By.cssSelector("#preview-chart path.line")).stream().findFirst().orElse(null));
        LocalDate to = LocalDate.parse(alerts.calls("POST", "/rules/backtest").get(0).body().path("to").asText());
        String from = (to.getYear() - 9) + "-01-01";
        Map<String, Double> cn = values(api(seriesQuery("data-series-query", to, from)), "share");
        Map<String, Double> cas = values(api(seriesQuery("data-other-query", to, from)), "share");
        // Per year of the subject's series: subject minus other, no difference where either has no value.
        List<String> gaps = new ArrayList<>();
        Map<String, String> drawn = drawn();
        cn.forEach((year, a) -> {
            Double b = cas.get(year);
            if (a == null || b == null) {
                gaps.add(year);
            } else {
                assertEquals(a - b, Double.parseDouble(drawn.get(year)), 1e-12, year);
            }
        });
        assertEquals(String.valueOf(cn.size()), line.getAttribute("data-points"));
        assertEquals(String.valueOf(gaps.size()), line.getAttribute("data-gaps"));
        assertEquals(List.of("0", "-0.01"), browser.findElements(By.cssSelector("#preview-chart line.ref")).stream()
                .map(r -> r.getAttribute("data-value")).toList(), "fires past 0, resolves past the margin below it");
        assertEquals(2, browser.findElements(By.cssSelector("#preview-chart rect.band")).size());
        JsonNode rule = alerts.calls("POST", "/rules/backtest").get(0).body().path("rule");
        assertEquals("COMPARE", rule.path("kind").asText());
        assertEquals("cas", rule.path("other").path("key").asText());
        assertEquals(0.01, rule.path("margin").asDouble());
        assertFalse(rule.has("threshold"));
    }

    @Test
    void anAlertsLinkOpensItsRule() {
        browser.get(page + "?rule=" + RulesStandIn.COMPARE_RULE);
        wait.until(d -> d.findElement(By.id("rule-editor")).isDisplayed());
        assertEquals(RulesStandIn.COMPARE_RULE, browser.findElement(By.id("rule-form")).getAttribute("data-rule-id"));
        assertEquals("CN ahead of US", browser.findElement(By.id("rule-name")).getAttribute("value"));
        assertEquals("highlight", row("rules", "data-rule-id", RulesStandIn.COMPARE_RULE).getAttribute("class"));
        assertFalse("highlight".equals(row("rules", "data-rule-id", RulesStandIn.CN_RULE).getAttribute("class")));
    }

    @Test
    void redeliverPostsToThatDelivery() {
        row("subscribers", "data-subscriber-id", RulesStandIn.POLICY).findElement(By.cssSelector("button.show-deliveries")).click();
        clickTwice(row("deliveries", "data-delivery-id", RulesStandIn.FAILED_DELIVERY).findElement(By.cssSelector("button.redeliver")));
        wait.until(d -> d.findElement(By.id("notice")).getText().contains("queued again"));
        wait.until(d -> row("deliveries", "data-delivery-id", RulesStandIn.FAILED_DELIVERY)
                .findElement(By.cssSelector("button.redeliver")).isEnabled());
        List<RulesStandIn.Call> posts = alerts.calls("POST", "/deliveries/");
        assertEquals(List.of("/deliveries/" + RulesStandIn.FAILED_DELIVERY + "/redeliver"), posts.stream().map(RulesStandIn.Call::path).toList());
    }

    @Test
    void aRotatedSecretIsShownOnceAndGoneOnceDismissedOrReloaded() {
        clickTwice(row("subscribers", "data-subscriber-id", RulesStandIn.POLICY).findElement(By.cssSelector("button.rotate-secret")));
        WebElement shown = wait.until(d -> {
            WebElement v = d.findElement(By.id("secret-value"));
            return v.isDisplayed() && !v.getText().isEmpty() ? v : null;
        });
        wait.until(d -> row("subscribers", "data-subscriber-id", RulesStandIn.POLICY)
                .findElement(By.cssSelector("button.rotate-secret")).isEnabled());
        String secret = alerts.secrets.get(0);
        assertEquals(secret, shown.getText());
        assertEquals(1, alerts.secrets.size(), "a double click rotates once");
        assertEquals(List.of("/subscribers/" + RulesStandIn.POLICY + "/rotate-secret"),
                alerts.calls("POST", "/subscribers/").stream().map(RulesStandIn.Call::path).toList());
        assertFalse(storage().contains(secret), "never stored in the browser");

        click("#secret-dismiss");
        assertFalse(browser.findElement(By.id("secret-box")).isDisplayed());
        assertFalse(browser.getPageSource().contains(secret), "gone once dismissed");

        row("subscribers", "data-subscriber-id", RulesStandIn.POLICY).findElement(By.cssSelector("button.rotate-secret")).click();
        wait.until(d -> alerts.secrets.size() == 2 && d.findElement(By.id("secret-value")).getText().equals(alerts.secrets.get(1)));
        browser.navigate().refresh();
        wait.until(d -> d.findElements(By.cssSelector("#rules tr[data-rule-id]")).size() == 2);
        assertFalse(browser.findElement(By.id("secret-box")).isDisplayed());
        assertFalse(browser.getPageSource().contains(alerts.secrets.get(1)), "gone after a reload");
        assertFalse(storage().contains(alerts.secrets.get(1)));
    }

    @Test
    void thePageIsServedUnderTheStrictContentSecurityPolicy() {
        String html = RestAssured.given().get("/rules").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("style-src 'self'"))
                .extract().asString();
        assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=\"/pages/)").matcher(html).find(), "scripts only from /pages/");
        assertFalse(Pattern.compile("<style|\\sstyle=|\\son[a-z]+=|https?://").matcher(html).find(),
                "no inline style, no inline handler, no external resource");
    }

    @Test
    void aCountPreviewLeavesYearsWithoutAnyFilingEmpty() throws Exception {
        click("#new-rule");
        type("rule-name", "CN filings above 2010");
        type("rule-subject-key", "CN");
        new Select(browser.findElement(By.id("rule-metric"))).selectByValue("filings");
        type("rule-threshold", "2010");
        click("#rule-preview");
        WebElement line = wait.until(d -> d.findElements(By.cssSelector("#preview-chart path.line")).stream().findFirst().orElse(null));
        LocalDate to = LocalDate.parse(alerts.calls("POST", "/rules/backtest").get(0).body().path("to").asText());
        JsonNode series = api(seriesQuery("data-series-query", to, (to.getYear() - 9) + "-01-01"));
        Map<String, Double> api = values(series, "filings");
        long without = 0;
        for (JsonNode p : series.path("points")) {
            without += p.path("globalFilings").asLong() == 0 ? 1 : 0;
        }
        assertTrue(without > 0, "the stand-in's series has years without any filing");
        assertEquals(String.valueOf(without), line.getAttribute("data-gaps"), "a year without filings is a gap, not 0");
        Map<String, String> drawn = drawn();
        api.forEach((year, v) -> assertEquals(v == null ? null : String.valueOf(v.longValue()), drawn.get(year), year));
    }

    @Test
    void aChangeRulesPreviewChartsTheMeasuredChangeAgainstTheAmount() {
        click("#new-rule");
        new Select(browser.findElement(By.id("rule-kind"))).selectByValue("CHANGE");
        type("rule-name", "CN share up two points");
        type("rule-subject-key", "CN");
        type("rule-amount", "0.02");
        type("rule-recovery-amount", "0.01");
        click("#rule-preview");
        WebElement line = wait.until(d -> d.findElements(By.cssSelector("#preview-chart path.line")).stream().findFirst().orElse(null));
        JsonNode asked = alerts.calls("POST", "/rules/backtest").get(0).body();
        assertMeasured(asked, line);
        assertEquals(List.of("0.02", "0.01"), browser.findElements(By.cssSelector("#preview-chart line.ref")).stream()
                .map(r -> r.getAttribute("data-value")).toList());
        assertEquals("", browser.findElement(By.id("preview-chart")).getAttribute("data-series-query"), "no history: the change is charted");
    }

    @Test
    void aRankRulesPreviewChartsThePositionAgainstTheTop() {
        click("#new-rule");
        new Select(browser.findElement(By.id("rule-kind"))).selectByValue("RANK");
        type("rule-name", "CN in the top 3");
        type("rule-subject-key", "CN");
        type("rule-top", "3");
        type("rule-recovery-top", "5");
        click("#rule-preview");
        WebElement line = wait.until(d -> d.findElements(By.cssSelector("#preview-chart path.line")).stream().findFirst().orElse(null));
        assertMeasured(alerts.calls("POST", "/rules/backtest").get(0).body(), line);
        assertEquals(List.of("3", "5"), browser.findElements(By.cssSelector("#preview-chart line.ref")).stream()
                .map(r -> r.getAttribute("data-value")).toList());
    }

    /** The chart is the backtest's measured value per date from..to (by month), as the stand-in answered that request. */
    void assertMeasured(JsonNode asked, WebElement line) {
        LocalDate from = LocalDate.parse(asked.path("from").asText()), to = LocalDate.parse(asked.path("to").asText());
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusMonths(1)) {
            dates.add(d);
        }
        List<Double> measured = RulesStandIn.measured(asked.path("rule").path("kind").asText(), dates.size());
        assertEquals(String.valueOf(dates.size()), line.getAttribute("data-points"));
        Map<String, String> drawn = drawn();
        for (int i = 0; i < dates.size(); i++) {
            assertEquals(measured.get(i), Double.parseDouble(drawn.get(dates.get(i).toString())), 1e-12, dates.get(i).toString());
        }
    }

    @Test
    void aSlowerEarlierPreviewDoesNotReplaceTheLatest() {
        click("#new-rule");
        type("rule-name", "slow CN");
        type("rule-subject-key", "CN");
        type("rule-threshold", "0.3");
        click("#rule-preview");
        wait.until(d -> alerts.held.get() == 1);
        type("rule-name", "CN above 20%");
        type("rule-threshold", "0.2");
        click("#rule-preview");
        wait.until(d -> "0.2".equals(d.findElements(By.cssSelector("#preview-chart line.ref")).stream()
                .findFirst().map(r -> r.getAttribute("data-value")).orElse(null)));
        alerts.releaseSlow();
        // Both answers are in the page once the browser has both responses and its queued tasks ran.
        wait.until(d -> backtestsAnswered() == 2);
        ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; setTimeout(function () { setTimeout(done, 0); }, 0);");
        assertEquals(List.of("0.2"), browser.findElements(By.cssSelector("#preview-chart line.ref")).stream()
                .map(r -> r.getAttribute("data-value")).toList(), "the earlier (slower) preview's answer is dropped");
    }

    long backtestsAnswered() {
        return (Long) ((JavascriptExecutor) browser).executeScript("return performance.getEntriesByType('resource')"
                + ".filter(function (e) { return e.name.indexOf('/api/v1/rules/backtest') >= 0 && e.responseEnd > 0; }).length;");
    }

    @Test
    void aKeyWithoutTheAlertsRoleStopsThePolling() {
        click("#forget");
        browser.findElement(By.id("key")).sendKeys(TestKeys.create("rules-reader-" + UUID.randomUUID().toString().substring(0, 8), "read"));
        browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
        wait.until(d -> "stopped".equals(d.findElement(By.id("rules-page")).getAttribute("data-polling")));
        assertTrue(browser.findElement(By.id("page-error")).getText().contains("lacks the alerts role"),
                browser.findElement(By.id("page-error")).getText());
    }

    @Test
    void longDeliveryLogsArePagedThroughWithMore() {
        alerts.extraDeliveries = 60;
        row("subscribers", "data-subscriber-id", RulesStandIn.POLICY).findElement(By.cssSelector("button.show-deliveries")).click();
        wait.until(d -> d.findElements(By.cssSelector("#deliveries tr[data-delivery-id]")).size() == 50);
        WebElement more = browser.findElement(By.id("deliveries-more"));
        wait.until(d -> more.isDisplayed());
        assertEquals("62", more.getAttribute("data-total"));
        assertTrue(more.getText().contains("Showing 50 of 62."), more.getText());
        click("#deliveries-next");
        wait.until(d -> d.findElements(By.cssSelector("#deliveries tr[data-delivery-id]")).size() == 62);
        assertFalse(browser.findElement(By.id("deliveries-more")).isDisplayed());
        assertFalse(browser.findElement(By.id("rules-more")).isDisplayed(), "all rules are listed");
    }

    String storage() {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "return JSON.stringify(sessionStorage) + JSON.stringify(localStorage) + document.cookie;");
    }
}
