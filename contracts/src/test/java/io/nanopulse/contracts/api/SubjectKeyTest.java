package io.nanopulse.contracts.api;

import io.nanopulse.contracts.Sector;
import io.nanopulse.contracts.SubjectKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubjectKeyTest {

    @Test
    void clientKeysAreNormalisedToTheFormsTheFiguresUse() {
        assertEquals(SubjectKey.GLOBAL, SubjectKey.of(SubjectKind.GLOBAL, "  "));
        assertEquals(SubjectKey.country("CN"), SubjectKey.of(SubjectKind.COUNTRY, " cn "));
        assertEquals(SubjectKey.countrySector("CN", Sector.SEMICONDUCTORS),
                SubjectKey.of(SubjectKind.COUNTRY_SECTOR, "cn/semiconductors"));
        assertEquals(SubjectKey.city("CN", "Shanghai  New"), SubjectKey.of(SubjectKind.CITY, " cn / Shanghai  New "));
        assertEquals("CITY:CN/shanghai new", SubjectKey.of(SubjectKind.CITY, "CN/shanghai new").ref());
        assertEquals("cas", SubjectKey.of(SubjectKind.INSTITUTION, " cas ").key());
    }

    @Test
    void badKeysAreRefusedWithAReason() {
        assertTrue(refusal(SubjectKind.GLOBAL, "x").contains("empty"));
        assertTrue(refusal(SubjectKind.COUNTRY, "China").contains("alpha-2"));
        assertTrue(refusal(SubjectKind.COUNTRY, "c1").contains("alpha-2"));
        assertTrue(refusal(SubjectKind.COUNTRY_SECTOR, "CN/ROBOTS").contains("SECTOR"));
        assertTrue(refusal(SubjectKind.CITY, "shanghai").contains("COUNTRY/city"));
        assertTrue(refusal(SubjectKind.INSTITUTION, "x".repeat(513)).contains("1..512"));
    }

    @Test
    void groupNamesAreLowerCaseSlugs() {
        assertEquals("GROUP:us-jp-kr", SubjectKey.of(SubjectKind.GROUP, " US-JP-KR ").ref());
        assertEquals("g7", SubjectKey.of(SubjectKind.GROUP, "g7").key());
        assertEquals("a".repeat(63), SubjectKey.of(SubjectKind.GROUP, "a".repeat(63)).key());
        for (String bad : new String[]{"", "-us", "us jp", "us_jp", "us/jp", "a".repeat(64), "é"}) {
            assertTrue(refusal(SubjectKind.GROUP, bad).contains("like us-jp-kr"), bad);
        }
    }

    @Test
    void groupIsTheLastKindSoStoredOrdinalsKeep() {
        assertEquals(5, SubjectKind.GROUP.ordinal());
        assertEquals(4, SubjectKind.CITY.ordinal());
        assertEquals(SubjectKind.GROUP, SubjectKind.parse("group"));
        assertTrue(SubjectKind.NAMES.contains("GROUP"));
    }

    @Test
    void nameKeysFoldCaseAndWhitespace() {
        assertEquals("chinese academy of sciences", SubjectKey.nameKey("  Chinese\tAcademy  of Sciences "));
    }

    private static String refusal(SubjectKind kind, String key) {
        return assertThrows(IllegalArgumentException.class, () -> SubjectKey.of(kind, key)).getMessage();
    }

    @Test
    void kindsAreParsedCaseInsensitivelyAndRefusedNamingTheKnownOnes() {
        assertEquals(SubjectKind.COUNTRY_SECTOR, SubjectKind.parse(" country-sector "));
        assertEquals(SubjectKind.INSTITUTION, SubjectKind.parse("Institution"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SubjectKind.parse("PLANET")).getMessage()
                .contains(SubjectKind.NAMES));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SubjectKind.parse(null)).getMessage()
                .contains("required"));
    }
}
