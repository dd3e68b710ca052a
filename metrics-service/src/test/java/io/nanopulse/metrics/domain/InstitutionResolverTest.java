package io.nanopulse.metrics.domain;

import io.nanopulse.contracts.api.SubjectKey;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InstitutionResolverTest {
    private final InstitutionResolver resolver = new InstitutionResolver(List.of(
            new InstitutionResolver.Alias("cas", "Chinese Academy of Sciences"),
            new InstitutionResolver.Alias("cas", "CHINESE ACADEMY OF SCIENCE"),
            new InstitutionResolver.Alias("cas", "inst of * cas"),
            new InstitutionResolver.Alias("cas", "* cas"),
            new InstitutionResolver.Alias("casa", "inst of automation cas")));

    @Test
    void exactNamesCompareAfterTrimmingFoldingAndCase() {
        assertEquals("cas", resolver.resolve(SubjectKey.nameKey("  chinese   ACADEMY of Sciences ")));
        assertEquals("cas", resolver.resolve(SubjectKey.nameKey("CHINESE ACADEMY OF SCIENCE")));
    }

    @Test
    void exactWinsOverPatternsAndLongerPatternsWin() {
        assertEquals("casa", resolver.resolve(SubjectKey.nameKey("INST OF AUTOMATION CAS")));
        assertEquals("cas", resolver.resolve(SubjectKey.nameKey("INST OF COMPUTING TECH CAS")));
        assertEquals("cas", resolver.resolve(SubjectKey.nameKey("Inst of Physics, CAS")));
    }

    @Test
    void unmatchedNamesAreTheirOwnHolder() {
        assertEquals("samsung electronics", resolver.resolve(SubjectKey.nameKey("Samsung  Electronics")));
        assertEquals("cascade labs", resolver.resolve("cascade labs"));
    }
}
