package io.nanopulse.alerts.client;

import io.nanopulse.contracts.trust.ForwardedIdentity;
import io.nanopulse.contracts.trust.IdentityProof;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

import java.net.URI;

/** Signs each call to metrics-service as this service itself ({@value #PRINCIPAL}, role read). */
public class ServiceIdentity implements ClientRequestFilter {
    public static final String PRINCIPAL = "service:alerts";
    static final ForwardedIdentity IDENTITY = ForwardedIdentity.of(PRINCIPAL, "read");

    private volatile IdentityProof proof;

    @Override
    public void filter(ClientRequestContext request) {
        if (proof == null) {
            proof = CDI.current().select(IdentityProof.class).get();
        }
        URI uri = request.getUri();
        String target = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        proof.sign(IDENTITY, request.getMethod(), target).forEach((name, value) -> request.getHeaders().putSingle(name, value));
    }
}
