package io.nanopulse.loadgen;

import io.nanopulse.testkit.http.HttpStub;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerificationTest {
    private static final Map<FigureKey, Truth.Counts> BEFORE = Map.of(FigureKey.GLOBAL, new Truth.Counts(0, 0, 0));
    private static final Map<FigureKey, Truth.Counts> EXPECTED = Map.of(FigureKey.GLOBAL, new Truth.Counts(2, 1, 0));
    private static final String APPLIED = "{\"results\":[{\"filings\":2,\"licensed\":1,\"grants\":0}]}";

    @Test
    void aBusyPlatformsUnavailableAnswerWhileWaitingMeansLookAgain() throws Exception {
        var calls = new AtomicInteger();
        try (var stub = new HttpStub().route("/api/v1/figures/batch",
                request -> calls.incrementAndGet() <= 2 ? HttpStub.UNAVAILABLE : HttpStub.Reply.json(APPLIED)).start()) {
            var log = new ByteArrayOutputStream();
            var result = Verification.await(new Gateway(stub.url(""), "np_test"), BEFORE, EXPECTED, 30, System.nanoTime() / 1e9,
                    new PrintStream(log, true));
            assertTrue(result.exact(), result.mismatches().toString());
            assertEquals(3, calls.get(), "two 503s, then the figures");
            assertTrue(log.toString().contains("cannot answer now"), log.toString());
        }
    }

    @Test
    void anUnavailablePlatformStillFailsAfterTheTimeout() throws Exception {
        try (var stub = new HttpStub().route("/api/v1/figures/batch", HttpStub.UNAVAILABLE).start()) {
            assertThrows(Gateway.Unavailable.class, () -> Verification.await(new Gateway(stub.url(""), "np_test"), BEFORE, EXPECTED, 1,
                    System.nanoTime() / 1e9, new PrintStream(new ByteArrayOutputStream())));
        }
    }
}
