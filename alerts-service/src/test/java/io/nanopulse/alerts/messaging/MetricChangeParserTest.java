package io.nanopulse.alerts.messaging;

import io.nanopulse.alerts.domain.ChangeSet;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricChangeParserTest {

    @Test
    void foldsSubjectsOfSeveralChanges() {
        ChangeSet set = MetricChangeParser.parse(Arrays.asList(
                """
                {"changeId":"a","appliedAt":"2025-06-01T00:00:00Z","eventsApplied":2,"globalChanged":false,
                 "fromDay":"2024-01-01","toDay":"2024-02-01","subjects":[{"kind":"COUNTRY","key":"CN"},{"kind":"CITY","key":"CN/shanghai"}]}""",
                """
                {"changeId":"b","appliedAt":"2025-06-01T00:00:01Z","eventsApplied":1,"globalChanged":true,
                 "subjects":[{"kind":"INSTITUTION","key":"cas"},{"kind":"MOON","key":"x"}],"future":"ignored"}"""));
        assertEquals(Set.of("COUNTRY:CN", "CITY:CN/shanghai", "INSTITUTION:cas"), set.subjectRefs());
        assertTrue(set.globalChanged());
        assertFalse(set.everything());
    }

    @Test
    void anUnreadableRecordMeansEverythingMayHaveChanged() {
        ChangeSet set = MetricChangeParser.parse(Arrays.asList("{not json", null));
        assertTrue(set.everything());
    }
}
