package io.nanopulse.gateway.domain;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyMaterialTest {

    @Test
    void keysAreRandomWellFormedAndHashedToHex() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String k = KeyMaterial.generate();
            assertTrue(KeyMaterial.wellFormed(k), k);
            assertEquals(46, k.length());
            assertTrue(seen.add(k));
        }
        String k = KeyMaterial.generate();
        assertEquals(64, KeyMaterial.hash(k).length());
        assertEquals(KeyMaterial.hash(k), KeyMaterial.hash(k));
        assertNotEquals(KeyMaterial.hash(k), KeyMaterial.hash(k + "x"));
        assertEquals(11, KeyMaterial.prefix(k).length());
        // SHA-256("abc"), a published test vector.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", KeyMaterial.hash("abc"));
    }

    @Test
    void malformedTokensAreRefusedBeforeAnyLookup() {
        assertFalse(KeyMaterial.wellFormed(null));
        assertFalse(KeyMaterial.wellFormed("np_short"));
        assertFalse(KeyMaterial.wellFormed("xx_" + "a".repeat(43)));
        assertFalse(KeyMaterial.wellFormed("np_" + "a".repeat(42) + "!"));
        assertFalse(KeyMaterial.wellFormed("np_" + "a".repeat(300)));
    }
}
