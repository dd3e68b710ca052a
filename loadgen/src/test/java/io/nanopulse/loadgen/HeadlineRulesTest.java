package io.nanopulse.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadlineRulesTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aCompareRuleCountsAsEvaluatedOnlyOnceItReadBothSides() throws Exception {
        JsonNode compare = json("{\"kind\":\"COMPARE\"}");
        assertFalse(HeadlineRules.judgedOnFigures(compare, json("{\"measurement\":{\"value\":0.43}}")));
        assertFalse(HeadlineRules.judgedOnFigures(compare, json("{\"measurement\":{\"value\":0.43,\"otherValue\":null}}")));
        assertFalse(HeadlineRules.judgedOnFigures(compare, json("{\"lastEvaluatedAt\":\"2026-12-06T05:00:00Z\"}")));
        assertTrue(HeadlineRules.judgedOnFigures(compare, json("{\"measurement\":{\"value\":0.43,\"otherValue\":0.353}}")));
    }

    @Test
    void otherKindsCountOnTheirEvaluation() throws Exception {
        assertTrue(HeadlineRules.judgedOnFigures(json("{\"kind\":\"RANK\"}"), json("{}")));
        assertTrue(HeadlineRules.judgedOnFigures(json("{\"kind\":\"THRESHOLD\"}"), json("{}")));
    }
}
