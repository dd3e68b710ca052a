package io.nanopulse.loadgen.bench;

import io.nanopulse.contracts.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaughtUpTest {
    private static boolean noLag(String status) throws Exception {
        return CaughtUp.noLag(Json.mapper().readTree(status));
    }

    @Test
    void caughtUpWhenMetricsAndAlertsHaveNoLagOnTheirTopics() throws Exception {
        assertTrue(noLag("{\"consumerGroups\":[{\"group\":\"metrics-service\",\"lagByTopic\":{\"patent-events\":0}},"
                + "{\"group\":\"alerts-service\",\"lagByTopic\":{\"metric-changes\":0}}]}"));
        assertFalse(noLag("{\"consumerGroups\":[{\"group\":\"metrics-service\",\"lagByTopic\":{\"patent-events\":0}},"
                + "{\"group\":\"alerts-service\",\"lagByTopic\":{\"metric-changes\":12}}]}"), "alerts behind");
        assertFalse(noLag("{\"consumerGroups\":[{\"group\":\"metrics-service\",\"lagByTopic\":{\"patent-events\":0}}]}"), "alerts not reported");
        assertFalse(noLag("{\"consumerGroups\":null}"), "Kafka could not be asked");
    }
}
