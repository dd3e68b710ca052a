package io.nanopulse.system;

import io.nanopulse.testkit.browser.HeadlessChromium;
import io.nanopulse.testkit.platform.LocalPlatform;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The subscriber's pages on the packaged platform (gateway → ingest → Kafka → metrics → PostgreSQL → alerts →
 * webhook), driven in headless Chromium: the explorer shows the API's numbers for three subjects, and a rule made
 * on the rules page fires on events this test sends through the gateway, its state and its delivery appear on the
 * page. Screenshots of both pages go to {@code system-tests/target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubscriberPagesIT {
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final AtomicInteger eventIds = new AtomicInteger();
    static LocalPlatform platform;
    static WebhookReceiver receiver;
    static WebDriver browser;
    /** The browser's key (read and alerts, as an analyst's), and the key that sends events. */
    static String key;
    static String ingestKey;
    static String subscriber;

    static Path screenshots() {
        return Platforms.repoRoot().resolve("system-tests/target/screenshots");
    }

    @BeforeAll
    static void start() {
        receiver = new WebhookReceiver();
        platform = new LocalPlatform(Platforms.withLocalWebhooks("pages"));
        platform.start();
        key = Platforms.issueKey(platform, "pages-analyst", List.of("read", "alerts"));
        ingestKey = Platforms.issueKey(platform, "pages-feed", List.of("ingest"));
        subscriber = api().body(Map.of("name", "policy-team", "webhookUrl", receiver.url()))
                .post("/api/v1/subscribers").then().statusCode(201).extract().jsonPath().getString("id");
        browser = HeadlessChromium.start(Platforms.repoRoot().resolve("system-tests/target"));
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (platform != null) platform.close();
        if (receiver != null) receiver.close();
    }

    @Test
    @Order(1)
    void theExplorerShowsTheApisNumbersForThreeSubjects() {
        var events = new ArrayList<Map<String, Object>>();
        events.addAll(filings("CN", "Cn Pages Institute", "MATERIALS", TODAY.minusYears(1), 5));
        events.addAll(filings("CN", "Cn Pages Institute", "ENERGY", TODAY.minusDays(40), 2));
        events.addAll(filings("CN", "Cn Other Lab", "SEMICONDUCTORS", TODAY.minusDays(30), 2));
        events.addAll(filings("JP", "Jp Pages Works", "MATERIALS", TODAY.minusDays(30), 3));
        events.addAll(filings("KR", "Kr Pages Co", "ENERGY", TODAY.minusYears(2), 1));
        events.addAll(filings("US", "Us Pages Corp", "SEMICONDUCTORS", TODAY.minusDays(30), 4));
        send(events);
        awaitFigure("GLOBAL", null, "filings", events.size());
        given().baseUri(platform.gatewayUrl()).auth().oauth2(platform.adminKey()).contentType(ContentType.JSON)
                .body(Map.of("name", "pages-asia", "memberKind", "COUNTRY", "members", List.of("CN", "JP", "KR"), "shared", true))
                .post("/api/v1/groups").then().statusCode(201);

        // A country, chosen with the form: kind, metric, window, then the search's suggestion.
        open("/explorer", "explorer");
        new Select(browser.findElement(By.id("kind"))).selectByValue("COUNTRY");
        new Select(browser.findElement(By.id("metric"))).selectByValue("share");
        type("window", "ALL");
        type("search", "CN");
        By suggestion = By.cssSelector("#suggestions li[data-kind='COUNTRY'][data-key='CN']");
        await().atMost(PATIENCE).until(() -> !browser.findElements(suggestion).isEmpty());
        click(suggestion);
        awaitView("COUNTRY", "CN", "share");
        JsonPath cn = figure("COUNTRY", "CN", "ALL");
        assertRatioShown(cn, "share");
        List<String> ranked = api().queryParam("kind", "COUNTRY").queryParam("metric", "share").queryParam("window", "ALL")
                .queryParam("limit", 100).get("/api/v1/rankings").then().statusCode(200).extract().jsonPath().getList("entries.subject.key");
        assertEquals(String.valueOf(ranked.indexOf("CN") + 1),
                browser.findElement(By.id("ranking-position")).getAttribute("data-position"), "CN's place in the ranking");
        scrollToTop();
        HeadlessChromium.screenshot(browser, screenshots().resolve("explorer.png"));

        // An institution and a group, each from the link that reproduces its view.
        browser.get(platform.gatewayUrl() + "/explorer#" + view("INSTITUTION", "cn pages institute", "filings"));
        awaitView("INSTITUTION", "cn pages institute", "filings");
        JsonPath institution = figure("INSTITUTION", "cn pages institute", "ALL");
        assertEquals(institution.getString("subject.key"), browser.findElement(By.id("subject-name")).getAttribute("data-key"));
        assertEquals(7L, institution.getLong("filings"));
        assertEquals(String.valueOf(institution.getLong("filings")), browser.findElement(By.id("value")).getAttribute("data-value"));
        WebElement share = browser.findElement(By.cssSelector("#figures tr[data-field='share'] td[data-value]"));
        assertDecimal(institution.getString("share.value"), share.getAttribute("data-value"));
        assertEquals(institution.getString("share.numerator"), share.getAttribute("data-numerator"));
        assertEquals(institution.getString("share.denominator"), share.getAttribute("data-denominator"));

        browser.get(platform.gatewayUrl() + "/explorer#" + view("GROUP", "pages-asia", "share"));
        awaitView("GROUP", "pages-asia", "share");
        JsonPath group = figure("GROUP", "pages-asia", "ALL");
        assertEquals(13L, group.getLong("share.numerator"), "CN, JP and KR together");
        assertRatioShown(group, "share");
    }

    @Test
    @Order(2)
    void aRuleMadeOnTheRulesPageFiresOnEventsSentDuringTheTestAndItsDeliveryIsInTheLog() {
        // SE holds 3 filings: under the rule's threshold of 5.
        send(filings("SE", "Se Pages Lab", "MATERIALS", TODAY.minusDays(20), 3));
        awaitFigure("COUNTRY", "SE", "filings", 3);

        open("/rules", "rules-page");
        await().atMost(PATIENCE).until(() -> !browser.findElements(
                By.cssSelector("#subscribers tbody tr[data-subscriber-id='" + subscriber + "']")).isEmpty());
        click(By.id("new-rule"));
        await().atMost(PATIENCE).until(() -> browser.findElement(By.id("rule-form")).isDisplayed());
        new Select(browser.findElement(By.id("rule-subscriber"))).selectByValue(subscriber);
        type("rule-name", "se-above-five");
        new Select(browser.findElement(By.id("rule-kind"))).selectByValue("THRESHOLD");
        new Select(browser.findElement(By.id("rule-subject-kind"))).selectByValue("COUNTRY");
        type("rule-subject-key", "SE");
        new Select(browser.findElement(By.id("rule-metric"))).selectByValue("filings");
        type("rule-window", "ALL");
        new Select(browser.findElement(By.id("rule-condition"))).selectByValue("ABOVE");
        type("rule-threshold", "5");
        // The preview: the history with the threshold drawn and the backtest's verdict (never fired so far).
        click(By.id("rule-preview"));
        await().atMost(PATIENCE).until(() -> !browser.findElement(By.id("preview-summary")).getText().isEmpty());
        WebElement summary = browser.findElement(By.id("preview-summary"));
        assertEquals("0", summary.getAttribute("data-firing-periods"), summary.getText());
        assertEquals(1, browser.findElements(By.cssSelector("#preview-chart line.ref[data-value='5']")).size(),
                "the threshold is drawn on the preview");
        click(By.id("rule-save"));

        By row = By.xpath("//table[@id='rules']//tr[td[@class='name' and text()='se-above-five']]");
        await().atMost(PATIENCE).until(() -> !browser.findElements(row).isEmpty());
        String rule = await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElement(row).getAttribute("data-rule-id"), id -> id != null);
        JsonPath saved = api().get("/api/v1/rules/" + rule).then().statusCode(200).extract().jsonPath();
        assertEquals(subscriber, saved.getString("subscriberId"));
        assertEquals("SE", saved.getString("subject.key"));
        assertEquals(5.0, saved.getDouble("threshold"), 1e-9);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> state(rule).getString("lastEvaluatedAt") != null);
        assertEquals("OK", state(rule).getString("state"));

        // 4 more filings (7 > 5): the rule fires; the page shows it within its refresh.
        send(filings("SE", "Se Pages Lab", "ENERGY", TODAY.minusDays(2), 4));
        awaitFigure("COUNTRY", "SE", "filings", 7);
        // Rows are redrawn when the data changes: each look finds them anew.
        By firing = By.cssSelector("#rules tbody tr[data-rule-id='" + rule + "'][data-state='FIRING'] td.state");
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .untilAsserted(() -> assertEquals("FIRING", browser.findElement(firing).getText()));
        assertEquals("FIRING", state(rule).getString("state"));

        // The delivery log: the webhook call the receiver got, as the API lists it.
        await().atMost(PATIENCE).until(() -> receiver.byWebhookId().values().stream().flatMap(java.util.Set::stream)
                .anyMatch(n -> n.rule().equals("se-above-five") && n.to().equals("FIRING")));
        String delivered = await().atMost(PATIENCE).until(() -> deliveredId(), id -> id != null);
        new Select(browser.findElement(By.id("delivery-subscriber"))).selectByValue(subscriber);
        click(By.id("deliveries-refresh"));
        By deliveryRow = By.cssSelector("#deliveries tbody tr[data-delivery-id='" + delivered + "'][data-status='DELIVERED'][data-channel='WEBHOOK']");
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            WebElement delivery = browser.findElement(deliveryRow);
            assertEquals("DELIVERED", delivery.findElement(By.cssSelector("td.status")).getText());
            assertEquals("WEBHOOK", delivery.findElement(By.cssSelector("td.channel")).getText());
        });
        scrollToTop();
        HeadlessChromium.screenshot(browser, screenshots().resolve("rules.png"));
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** The explorer's view as its link and its done signal ({@code #explorer[data-view]}) write it. */
    static String view(String kind, String subjectKey, String metric) {
        return "kind=" + kind + "&key=" + java.net.URLEncoder.encode(subjectKey, java.nio.charset.StandardCharsets.UTF_8)
                + "&metric=" + metric + "&window=ALL&interval=YEAR";
    }

    /** Waits until the explorer has drawn the view (figures, series and ranking). */
    static void awaitView(String kind, String subjectKey, String metric) {
        String expected = view(kind, subjectKey, metric);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() ->
                expected.equals(browser.findElement(By.id("explorer")).getAttribute("data-view")));
        assertEquals("", browser.findElement(By.id("query-error")).getText());
    }

    /** The shown value, numerator and denominator are the API's. */
    static void assertRatioShown(JsonPath figures, String ratio) {
        assertDecimal(figures.getString(ratio + ".value"), browser.findElement(By.id("value")).getAttribute("data-value"));
        assertEquals(figures.getString(ratio + ".numerator"), browser.findElement(By.id("numerator")).getAttribute("data-value"));
        assertEquals(figures.getString(ratio + ".denominator"), browser.findElement(By.id("denominator")).getAttribute("data-value"));
        assertTrue(figures.getLong(ratio + ".numerator") > 0, "a figure with data");
    }

    static void assertDecimal(String api, String shown) {
        assertEquals(0, new java.math.BigDecimal(api).compareTo(new java.math.BigDecimal(shown)), "API " + api + ", page " + shown);
    }

    /** The page at {@code path}, connected with the test's key; waits until {@code bodyId} shows. */
    static void open(String path, String bodyId) {
        browser.get(platform.gatewayUrl() + path);
        // One key serves every page of the tab: asked for once, then each page connects with it on its own.
        if (((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('nanopulse.apiKey');") == null) {
            type("key", key);
            click(By.cssSelector("#key-form button[type=submit]"));
        }
        await().atMost(PATIENCE).until(() -> browser.findElement(By.id(bodyId)).isDisplayed());
    }

    static void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    static void click(By by) {
        WebElement element = browser.findElement(by);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    static void scrollToTop() {
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
    }

    static RequestSpecification api() {
        return given().baseUri(platform.gatewayUrl()).auth().oauth2(key).contentType(ContentType.JSON);
    }

    static JsonPath state(String rule) {
        return api().get("/api/v1/rules/" + rule + "/state").then().statusCode(200).extract().jsonPath();
    }

    /** The id of the subscriber's delivered delivery, newest first, or null while there is none. */
    static String deliveredId() {
        List<Map<String, Object>> items = api().queryParam("status", "DELIVERED").get("/api/v1/subscribers/" + subscriber + "/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.isEmpty() ? null : String.valueOf(items.get(0).get("id"));
    }

    static JsonPath figure(String kind, String subjectKey, String window) {
        var r = api().queryParam("kind", kind).queryParam("window", window);
        if (subjectKey != null) r.queryParam("key", subjectKey);
        // Decimals as written (a float would round the API's 10 places).
        return JsonPath.from(r.get("/api/v1/figures").then().statusCode(200).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static void awaitFigure(String kind, String subjectKey, String field, long expected) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> figure(kind, subjectKey, "ALL").getLong(field) == expected);
    }

    static List<Map<String, Object>> filings(String country, String institution, String sector, LocalDate day, int n) {
        var out = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < n; i++) {
            int id = eventIds.incrementAndGet();
            out.add(Map.of("type", "PATENT_FILED", "eventId", "pages-" + id, "patentId", country + "2027" + String.format("%06d", id) + "A",
                    "country", country, "institution", institution, "sector", sector, "filingDate", day.toString()));
        }
        return out;
    }

    /** Through the gateway's ingest, as a feed would. */
    static void send(List<Map<String, Object>> events) {
        given().baseUri(platform.gatewayUrl()).auth().oauth2(ingestKey).contentType(ContentType.JSON).body(events)
                .post("/api/v1/events").then().statusCode(202).body("accepted", org.hamcrest.Matchers.equalTo(events.size()));
    }
}
