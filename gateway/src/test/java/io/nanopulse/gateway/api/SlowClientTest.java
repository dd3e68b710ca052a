package io.nanopulse.gateway.api;

import io.nanopulse.gateway.support.ShortTimeouts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** A client that stops in the middle of its request line loses its connection after the idle timeout. */
@QuarkusTest
@TestProfile(ShortTimeouts.class)
class SlowClientTest {

    @Test
    void aHalfSentRequestLineIsCutOff() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/v1/figures?kind=GLO".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Far longer than the idle timeout of this profile, far shorter than the default one.
            socket.setSoTimeout(15 * Integer.parseInt(ShortTimeouts.IDLE_TIMEOUT_MILLIS));
            InputStream in = socket.getInputStream();
            try {
                assertEquals(-1, in.read(), "the server closes the connection without an answer");
            } catch (SocketTimeoutException e) {
                fail("the connection is still open after " + socket.getSoTimeout() + " ms");
            } catch (SocketException reset) {
                // Closed by the server with a reset: cut off as well.
            }
        }
    }
}
