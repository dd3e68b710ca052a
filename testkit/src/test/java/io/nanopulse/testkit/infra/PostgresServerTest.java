package io.nanopulse.testkit.infra;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresServerTest {

    @Test
    void rootWithoutUnshareIsRefusedWithTheReasonAndTheWayOut() {
        String refusal = PostgresServer.rootRefusal(true, false);
        assertTrue(refusal.contains("refuses to run as root") && refusal.contains("unshare")
                && refusal.contains("run as a normal user"), refusal);
    }

    @Test
    void aNormalUserOrRootWithUnshareStarts() {
        assertNull(PostgresServer.rootRefusal(false, false));
        assertNull(PostgresServer.rootRefusal(false, true));
        assertNull(PostgresServer.rootRefusal(true, true));
    }
}
