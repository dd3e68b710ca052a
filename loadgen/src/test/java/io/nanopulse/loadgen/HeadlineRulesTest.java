package io.nanopulse.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HeadlineRulesTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aCompareRuleSettlesOnlyOnceItReadBothSides() throws Exception {
        String evaluated = "\"state\":\"FIRING\",\"lastEvaluatedAt\":\"2026-12-06T05:00:00Z\"";
        assertEquals(Optional.empty(), HeadlineRules.settled("COMPARE", json("{" + evaluated + "}")));
        assertEquals(Optional.empty(), HeadlineRules.settled("COMPARE",
                json("{" + evaluated + ",\"measurement\":{\"value\":0.43}}")));
        assertEquals(Optional.empty(), HeadlineRules.settled("COMPARE",
                json("{" + evaluated + ",\"measurement\":{\"value\":0.43,\"otherValue\":null}}")));
        assertEquals(Optional.of("FIRING"), HeadlineRules.settled("COMPARE",
                json("{" + evaluated + ",\"measurement\":{\"value\":0.43,\"otherValue\":0.353}}")));
    }

    @Test
    void aRuleNotYetEvaluatedOrPendingHasNotSettled() throws Exception {
        // A new rule's state document says OK before its first evaluation: that OK is no verdict.
        assertEquals(Optional.empty(), HeadlineRules.settled("RANK", json("{\"state\":\"OK\",\"lastEvaluatedAt\":null}")));
        assertEquals(Optional.empty(), HeadlineRules.settled("THRESHOLD", json("{\"state\":\"OK\"}")));
        assertEquals(Optional.empty(), HeadlineRules.settled("THRESHOLD",
                json("{\"state\":\"PENDING\",\"lastEvaluatedAt\":\"2026-12-06T05:00:00Z\"}")));
    }

    @Test
    void theSettledStateIsTheOneOfTheDocumentThatWasEvaluated() throws Exception {
        assertEquals(Optional.of("FIRING"), HeadlineRules.settled("RANK",
                json("{\"state\":\"FIRING\",\"lastEvaluatedAt\":\"2026-12-06T05:00:00Z\"}")));
        assertEquals(Optional.of("OK"), HeadlineRules.settled("THRESHOLD",
                json("{\"state\":\"OK\",\"lastEvaluatedAt\":\"2026-12-06T05:00:00Z\"}")));
    }
}
