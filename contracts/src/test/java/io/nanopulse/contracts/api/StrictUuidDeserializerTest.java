package io.nanopulse.contracts.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.nanopulse.contracts.Json;
import io.nanopulse.contracts.api.alerts.RuleRequest;
import io.nanopulse.contracts.api.alerts.SilenceRequest;
import io.nanopulse.contracts.problem.JsonFailure;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** UUIDs in request bodies are read in their canonical text only: nothing trimmed away, nothing appended. */
class StrictUuidDeserializerTest {
    private static final String ID = "24e77409-ad3f-454a-9da3-40ce30ce05a8";

    @Test
    void theCanonicalFormIsRead() throws Exception {
        var silence = Json.mapper().readValue("{\"subscriberId\":\"" + ID + "\",\"ruleId\":null}", SilenceRequest.class);
        assertEquals(UUID.fromString(ID), silence.subscriberId());
        assertNull(silence.ruleId());
        assertEquals(UUID.fromString(ID.toUpperCase()),
                Json.mapper().readValue("{\"subscriberId\":\"" + ID.toUpperCase() + "\"}", RuleRequest.class).subscriberId());
    }

    @Test
    void controlCharactersSpacesAndOtherFormsAreRefusedNamingTheField() {
        for (String bad : List.of(ID + "\\u001b", ID + "\\u007f", ID + "\\u0085", ID + "\\u200b", " " + ID, ID + " ",
                "\\u0000" + ID, ID.replace("-", ""), "JOd3CaOtRUqdo0DOMM4FqA==", "")) {
            var e = assertThrows(JsonProcessingException.class, () ->
                    Json.mapper().readValue("{\"subscriberId\":\"" + bad + "\"}", SilenceRequest.class), bad);
            assertEquals("subscriberId", JsonFailure.of(e).field(), bad);
            assertThrows(JsonProcessingException.class, () ->
                    Json.mapper().readValue("{\"subscriberId\":\"" + bad + "\"}", RuleRequest.class), bad);
        }
        var e = assertThrows(JsonProcessingException.class, () -> Json.mapper().readValue("{\"ruleId\":42}", SilenceRequest.class));
        assertEquals("ruleId", JsonFailure.of(e).field());
    }
}
