package io.nanopulse.contracts.api;

import io.nanopulse.contracts.Sector;
import io.nanopulse.contracts.SubjectKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The subjects figures queries and alert rules may name: one grammar. */
class SubjectKeyGrammarTest {

    @Test
    void institutionsAreNamedByIdOrByAnyHolderName() {
        assertEquals(SubjectKey.institution("cas"), SubjectKey.of(SubjectKind.INSTITUTION, " cas "));
        assertEquals(SubjectKey.institution("samsung electronics"),
                SubjectKey.of(SubjectKind.INSTITUTION, "  Samsung \t Electronics "));
        String longName = "Institute " + "x".repeat(400);
        assertEquals(SubjectKey.nameKey(longName), SubjectKey.of(SubjectKind.INSTITUTION, longName).key());
        assertTrue(refusal(SubjectKind.INSTITUTION, "x".repeat(513)).contains("1..512"));
        assertTrue(refusal(SubjectKind.INSTITUTION, " ").contains("institution id or name"));
    }

    @Test
    void otherKindsAreNormalisedAsEverywhere() {
        assertEquals(SubjectKey.country("US"), SubjectKey.of(SubjectKind.COUNTRY, "us"));
        assertEquals(SubjectKey.countrySector("CN", Sector.SEMICONDUCTORS),
                SubjectKey.of(SubjectKind.COUNTRY_SECTOR, "cn/semiconductors"));
        assertEquals(SubjectKey.city("CN", "Shanghai"), SubjectKey.of(SubjectKind.CITY, " cn/ Shanghai "));
        assertEquals(SubjectKey.city("CN", "y".repeat(300)), SubjectKey.of(SubjectKind.CITY, "CN/" + "Y".repeat(300)));
    }

    @Test
    void countriesMustBeOnesEventsAreAcceptedFor() {
        assertTrue(refusal(SubjectKind.COUNTRY, "XX").contains("ISO 3166-1"));
        assertTrue(refusal(SubjectKind.COUNTRY, "China").contains("ISO 3166-1"));
        assertTrue(refusal(SubjectKind.COUNTRY_SECTOR, "XX/SEMICONDUCTORS").contains("ISO 3166-1"));
        assertTrue(refusal(SubjectKind.COUNTRY_SECTOR, "CN/ROBOTS").contains("SECTOR"));
        assertTrue(refusal(SubjectKind.CITY, "XX/shanghai").contains("COUNTRY/city"));
        assertTrue(refusal(SubjectKind.CITY, "shanghai").contains("COUNTRY/city"));
    }

    private static String refusal(SubjectKind kind, String key) {
        return assertThrows(IllegalArgumentException.class, () -> SubjectKey.of(kind, key)).getMessage();
    }
}
