package io.nanopulse.ingest.api;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and discards what is left of a refused body, up to a cap, before the problem is sent: a client
 * still writing its body would otherwise see the connection reset instead of the answer. Beyond the cap
 * the connection is closed (the problem response says Connection: close) rather than read on.
 */
final class BodyDrain {
    private static final long CAP = 64L * 1024 * 1024;

    private BodyDrain() {
    }

    static void drain(InputStream body) {
        byte[] sink = new byte[64 * 1024];
        long read = 0;
        try {
            int n;
            while (read < CAP && (n = body.read(sink)) != -1) {
                read += n;
            }
        } catch (IOException e) {
            // The client is gone or the body is broken: nothing more to save.
        }
    }
}
