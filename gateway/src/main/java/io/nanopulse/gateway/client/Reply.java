package io.nanopulse.gateway.client;

import io.vertx.mutiny.core.buffer.Buffer;

/** A service's answer, kept whole (bounded by the service), with the headers the gateway passes on. */
public record Reply(int status, String contentType, String location, String retryAfter, Buffer body) {
}
