package io.nanopulse.gateway.client;

import io.nanopulse.contracts.trust.IdentityProof;
import io.nanopulse.gateway.application.Forwarding;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

import java.net.URI;

/** Signs each status probe of an API path as the gateway itself ({@link Forwarding#GATEWAY}). */
final class ProbeIdentity implements ClientRequestFilter {
    private final IdentityProof proof;

    ProbeIdentity(IdentityProof proof) {
        this.proof = proof;
    }

    @Override
    public void filter(ClientRequestContext request) {
        URI uri = request.getUri();
        String target = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        proof.sign(Forwarding.GATEWAY, request.getMethod(), target).forEach((name, value) -> request.getHeaders().putSingle(name, value));
    }
}
