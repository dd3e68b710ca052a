package io.nanopulse.gateway.domain;

/** The HTTP methods the gateway forwards. Only GET is safe to repeat after a failure. */
public enum Verb {
    GET, POST, PUT, DELETE;

    public boolean idempotentRead() {
        return this == GET;
    }
}
