package io.nanopulse.gateway.api.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token taken from the Authorization header, to be checked against the key store. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {
    private final String token;
    private final String clientAddress;

    public ApiKeyAuthenticationRequest(String token, String clientAddress) {
        this.token = token;
        this.clientAddress = clientAddress;
    }

    public String token() {
        return token;
    }

    /** Where the request came from, for the limit on requests without a valid key. */
    public String clientAddress() {
        return clientAddress;
    }

    @Override
    public String toString() {
        return "ApiKeyAuthenticationRequest[token hidden]";
    }
}
