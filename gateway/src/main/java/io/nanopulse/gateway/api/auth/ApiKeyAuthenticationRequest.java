package io.nanopulse.gateway.api.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token taken from the Authorization header, to be checked against the key store. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {
    private final String token;

    public ApiKeyAuthenticationRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    @Override
    public String toString() {
        return "ApiKeyAuthenticationRequest[token hidden]";
    }
}
