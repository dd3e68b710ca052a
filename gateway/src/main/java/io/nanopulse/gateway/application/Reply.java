package io.nanopulse.gateway.application;

/**
 * A service's answer, kept whole (bounded by the service), with the headers the gateway passes on. The body
 * is the service's bytes, unparsed: forwarding does not depend on the fields of the services' JSON.
 */
public record Reply(int status, String contentType, String location, String retryAfter, byte[] body) {

    public boolean hasBody() {
        return body != null && body.length > 0;
    }
}
