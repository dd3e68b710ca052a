package io.nanopulse.gateway.application;

import io.nanopulse.contracts.problem.ProblemException;
import io.nanopulse.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a JSON request body whole, bounded by nanopulse.gateway.limits.max-json-body while it is read, and
 * refuses one that is not valid UTF-8.
 */
@ApplicationScoped
public class JsonBodies {
    private final long limit;

    public JsonBodies(GatewayConfig config) {
        this.limit = config.limits().maxJsonBody();
    }

    /**
     * UTF-8 as the standard defines it (the JDK's decoder, errors reported): overlong forms, encoded surrogates
     * and stray or truncated bytes are refused here, as the services' JSON parsers would read some of them.
     */
    static void requireUtf8(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, CharBuffer.allocate(bytes.length), true);
        if (result.isError()) {
            throw ProblemException.invalid("body", "is not valid UTF-8 (byte " + in.position() + ")");
        }
    }

    /**
     * Blocking.
     *
     * @throws BodyTooLargeException  past the limit (nothing more is read)
     * @throws ProblemException       (400) for an empty body or one that is not UTF-8
     * @throws UnreadableBodyException when the client stops sending
     */
    public byte[] read(InputStream body) {
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new BodyTooLargeException(limit);
            }
            if (bytes.length == 0) {
                throw ProblemException.invalid("body", "a JSON body is required");
            }
            requireUtf8(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UnreadableBodyException(e);
        }
    }
}
