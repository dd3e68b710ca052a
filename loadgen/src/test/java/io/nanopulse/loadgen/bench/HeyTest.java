package io.nanopulse.loadgen.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class HeyTest {
    private static final String REPORT = """

            Summary:
              Total:\t20.0042 secs
              Slowest:\t0.0871 secs
              Fastest:\t0.0004 secs
              Average:\t0.0021 secs
              Requests/sec:\t1999.4801

              Total data:\t12345678 bytes
              Size/request:\t308 bytes

            Latency distribution:
              10% in 0.0008 secs
              25% in 0.0011 secs
              50% in 0.0016 secs
              75% in 0.0023 secs
              90% in 0.0034 secs
              95% in 0.0045 secs
              99% in 0.0123 secs

            Status code distribution:
              [200]\t39980 responses
              [429]\t7 responses
              [503]\t3 responses
            """;

    @Test
    void readsRateLatenciesAndErrors() {
        Hey.Result r = Hey.parse(REPORT);
        assertEquals(1999.4801, r.requestsPerSecond());
        assertEquals(1.6, r.p50Millis(), 1e-9);
        assertEquals(12.3, r.p99Millis(), 1e-9);
        assertEquals(10, r.non200());
        assertEquals(12.3, Hey.tenths(r.p99Millis()));
    }

    @Test
    void aRunThatReportedNothing() {
        Hey.Result r = Hey.parse("Error: connection refused\n");
        assertNull(r.requestsPerSecond());
        assertEquals(-1, r.p50Millis());
        assertEquals(-1, r.p99Millis());
        assertEquals(0, r.non200());
    }
}
