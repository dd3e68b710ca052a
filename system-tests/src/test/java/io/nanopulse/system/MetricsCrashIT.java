package io.nanopulse.system;

import io.nanopulse.testkit.corpus.MessyStream;
import io.nanopulse.testkit.platform.LocalPlatform;
import io.nanopulse.testkit.platform.ServiceProcess;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged metrics-service is killed with SIGKILL in the middle of a stream and restarted: the
 * aggregates must end exactly equal to an independent recomputation (nothing lost, nothing twice).
 */
class MetricsCrashIT {
    static LocalPlatform platform;
    static final MessyStream STREAM = new MessyStream(20261128, 120_000);

    @BeforeAll
    static void start() {
        platform = new LocalPlatform(Platforms.settings("crash"));
        platform.start(List.of("metrics-service"));
    }

    @AfterAll
    static void stop() {
        if (platform != null) platform.close();
    }

    private static JsonPath progress(ServiceProcess metrics) {
        return Platforms.direct(platform).baseUri(metrics.url()).get("/metrics/progress").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void killedMidStreamEndsWithExactAggregates() throws Exception {
        ServiceProcess metrics = platform.service("metrics-service");
        String bootstrap = platform.kafka().bootstrapServers();
        Platforms.produce(bootstrap, STREAM.records);

        // Kill while the stream is partly applied.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> progress(metrics).getLong("eventsApplied") > STREAM.records.size() / 5);
        long appliedBeforeKill = progress(metrics).getLong("eventsApplied");
        metrics.kill();
        assertTrue(appliedBeforeKill < STREAM.records.size(), "the kill must land mid-stream");
        metrics.start();
        metrics.awaitReady(Duration.ofSeconds(120));

        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
                .until(() -> Platforms.lag(bootstrap, "metrics-service", "patent-events") == 0);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate epoch = LocalDate.of(1900, 1, 1);
        check(metrics, "GLOBAL", "", "ALL", null, f -> true, epoch, today);
        check(metrics, "COUNTRY", "CN", "ALL", null, f -> f.country().equals("CN"), epoch, today);
        check(metrics, "COUNTRY", "US", "P5Y", "2023-03-31", f -> f.country().equals("US"),
                LocalDate.of(2018, 4, 1), LocalDate.of(2023, 3, 31));
        check(metrics, "INSTITUTION", "IBM", "2019", null, f -> f.institution().equals("ibm"),
                LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31));
        check(metrics, "CITY", "CN/Beijing", "ALL", null, f -> f.country().equals("CN") && "beijing".equals(f.city()), epoch, today);
        // A batch applied but not yet committed to Kafka when killed is dead-lettered again: at least once, never lost.
        assertTrue(progress(metrics).getLong("deadLettered") >= STREAM.poison, "every poison record dead-lettered");
    }

    private static void check(ServiceProcess metrics, String kind, String key, String window, String asOf,
                              Predicate<MessyStream.Filing> subject, LocalDate from, LocalDate to) {
        long[] want = STREAM.expected(subject, from, to);
        var req = Platforms.direct(platform).baseUri(metrics.url()).queryParam("kind", kind).queryParam("key", key).queryParam("window", window);
        if (asOf != null) req.queryParam("asOf", asOf);
        JsonPath got = req.get("/metrics/figures").then().statusCode(200).extract().jsonPath();
        String what = kind + " " + key + " " + window;
        assertEquals(want[0], got.getLong("filings"), what + " filings");
        assertEquals(want[1], got.getLong("licensed"), what + " licensed");
        assertEquals(want[2], got.getLong("grants"), what + " grants");
    }
}
