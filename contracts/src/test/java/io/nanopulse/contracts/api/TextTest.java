package io.nanopulse.contracts.api;

import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.api.alerts.RuleRequest;
import io.nanopulse.contracts.api.alerts.SubjectRef;
import io.nanopulse.contracts.api.metrics.FigureQuery;
import io.nanopulse.contracts.api.metrics.FiguresBatchRequest;
import io.nanopulse.contracts.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextTest {

    @Test
    void refusesControlCharactersAndUnpairedSurrogatesOnly() {
        for (String bad : new String[]{"a\u0000b", "\u0007", "x\u007f", "\u0085", "\u2028", "a\u200Bb", "\uFEFF",
                "\ud800", "a\udc00", "\ud800x"}) {
            assertFalse(Text.isClean(bad), bad);
        }
        for (String good : new String[]{"", "Chinese Academy of Sciences", "line\nbreak\tand\r", "北京", "😀 ok",
                "<script>'; drop table x; --"}) {
            assertTrue(Text.isClean(good), good);
        }
        assertTrue(Text.isClean(null));
    }

    @Test
    void namesEveryUncleanFieldOfARequestBodyByItsJsonPath() {
        var batch = new FiguresBatchRequest(List.of(new FigureQuery("COUNTRY", "CN", null, null),
                new FigureQuery("INSTITUTION", "\u0000", "ALL", "2024-01-01")));
        assertEquals(List.of(new FieldError("queries[1].key", Text.REASON)), Text.problems(batch));

        var rule = new RuleRequest(null, "n\u0000", new SubjectRef("COUNTRY", "C\u0001N"), "share", "ALL", "ABOVE",
                0.4, null, null, null, Map.of("team", "ops\u0000", "bad\u0000name", "x"));
        List<FieldError> errors = Text.problems(rule);
        assertTrue(errors.contains(new FieldError("name", Text.REASON)), errors.toString());
        assertTrue(errors.contains(new FieldError("subject.key", Text.REASON)), errors.toString());
        assertTrue(errors.contains(new FieldError("labels.team", Text.REASON)), errors.toString());
        assertTrue(errors.contains(new FieldError("labels", "names " + Text.REASON)), errors.toString());
        assertEquals(4, errors.size(), errors.toString());

        ProblemException e = assertThrows(ProblemException.class, () -> Text.requireClean(batch));
        assertEquals(400, e.problem().status());
        assertEquals("queries[1].key", e.problem().field());
    }

    @Test
    void namesTheFirstUncleanParameter() {
        assertTrue(Text.parameterProblem(Map.of("kind", List.of("COUNTRY"), "key", List.of("CN"))).isEmpty());
        var p = Text.parameterProblem(Map.of("key", List.of("\u0000"))).orElseThrow();
        assertEquals("key", p.field());
        assertEquals(400, p.status());
    }

    @Test
    void subjectKeysRefuseControlCharacters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SubjectKey.of(io.nanopulse.contracts.SubjectKind.INSTITUTION, "cas\u0000"));
        assertEquals(Text.REASON, e.getMessage());
    }
}
