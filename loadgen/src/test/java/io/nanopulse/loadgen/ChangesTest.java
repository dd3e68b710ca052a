package io.nanopulse.loadgen;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo checks what its events changed: data there before cancels out; a real difference is named. */
class ChangesTest {
    private static final FigureKey CN = new FigureKey("COUNTRY", "CN", "ALL");
    private static final FigureKey CAS = new FigureKey("INSTITUTION", "cas", "ALL");
    private static final FigureKey CN_2021 = new FigureKey("COUNTRY", "CN", "2021");

    private static final Map<FigureKey, Truth.Counts> EXPECTED = Map.of(FigureKey.GLOBAL, new Truth.Counts(100, 8, 5),
            CN, new Truth.Counts(43, 4, 2), CAS, new Truth.Counts(3, 1, 0), CN_2021, new Truth.Counts(7, 0, 1));

    @Test
    void dataOnThePlatformBeforeTheDemoDoesNotFailIt() {
        // 88 events of README's first steps: the figures held more than the corpus adds, before and after.
        var before = Map.of(FigureKey.GLOBAL, new Truth.Counts(88, 2, 1), CN, new Truth.Counts(40, 1, 0),
                CAS, new Truth.Counts(5, 0, 0), CN_2021, new Truth.Counts(1, 0, 0));
        var after = Map.of(FigureKey.GLOBAL, new Truth.Counts(188, 10, 6), CN, new Truth.Counts(83, 5, 2),
                CAS, new Truth.Counts(8, 1, 0), CN_2021, new Truth.Counts(8, 0, 1));
        assertEquals(List.of(), Changes.mismatches(before, after, EXPECTED));
        // Compared as absolute figures, the same platform would not match.
        assertTrue(!Changes.mismatches(Map.of(), after, EXPECTED).isEmpty());
    }

    @Test
    void aFreshPlatformIsAnEmptyBaseline() {
        assertEquals(List.of(), Changes.mismatches(Map.of(), EXPECTED, EXPECTED));
    }

    @Test
    void aRealDifferenceIsNamedWithWhatWasExpectedAndSeen() {
        var before = Map.of(FigureKey.GLOBAL, new Truth.Counts(88, 2, 1), CAS, new Truth.Counts(5, 0, 0));
        var after = Map.of(FigureKey.GLOBAL, new Truth.Counts(188, 10, 6), CN, new Truth.Counts(43, 4, 2),
                CAS, new Truth.Counts(6, 1, 0), CN_2021, new Truth.Counts(7, 0, 1));
        var mismatches = Changes.mismatches(before, after, EXPECTED);
        assertEquals(List.of(new Changes.Mismatch(CAS, "filings", 3, 1)), mismatches);
        assertEquals("INSTITUTION cas filings: expected +3, saw +1", mismatches.get(0).toString());
        assertEquals("COUNTRY CN 2021", CN_2021.toString());
    }

    @Test
    void theExpectedFiguresCoverGlobalCountriesHoldersAndChinasYears() {
        var expected = Changes.expected(LoadGen.stats(new Corpus(42, 0.005)));
        assertTrue(expected.containsKey(FigureKey.GLOBAL));
        assertTrue(expected.containsKey(CN) && expected.containsKey(new FigureKey("COUNTRY", "US", "ALL")));
        assertTrue(expected.containsKey(CAS));
        assertTrue(expected.containsKey(new FigureKey("COUNTRY", "CN", "2024")));
    }
}
