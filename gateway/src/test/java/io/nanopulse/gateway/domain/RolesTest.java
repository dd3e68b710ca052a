package io.nanopulse.gateway.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RolesTest {

    @Test
    void rolesAreStoredInOneOrderAndUnknownOnesAreDropped() {
        assertEquals(List.of("ingest", "read", "admin"), Roles.canonical(Set.of("admin", "read", "ingest", "root")));
        assertEquals(List.of(), Roles.canonical(Set.of()));
    }
}
