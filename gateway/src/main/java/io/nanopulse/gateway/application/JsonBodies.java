package io.nanopulse.gateway.application;

import io.nanopulse.contracts.problem.ProblemException;
import io.nanopulse.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;

/** Reads a JSON request body whole, bounded by nanopulse.gateway.limits.max-json-body while it is read. */
@ApplicationScoped
public class JsonBodies {
    private final long limit;

    public JsonBodies(GatewayConfig config) {
        this.limit = config.limits().maxJsonBody();
    }

    /**
     * Blocking.
     *
     * @throws BodyTooLargeException  past the limit (nothing more is read)
     * @throws ProblemException       (400) for an empty body
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
            return bytes;
        } catch (IOException e) {
            throw new UnreadableBodyException(e);
        }
    }
}
