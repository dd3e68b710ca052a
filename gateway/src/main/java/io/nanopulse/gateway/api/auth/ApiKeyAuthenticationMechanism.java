package io.nanopulse.gateway.api.auth;

import io.nanopulse.gateway.domain.KeyMaterial;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Reads {@code Authorization: Bearer np_...}. No header: anonymous (endpoints that need a role then answer
 * 401). A header that is not a well-formed key, or a key that is unknown or revoked: authentication fails (401).
 * Requests without a valid key spend their client address's tokens ({@link ClientAddressLimit}; 429 when none
 * are left).
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {
    public static final String CHALLENGE = "Bearer realm=\"nanopulse\"";
    private static final String BEARER = "bearer ";

    private final ClientAddressLimit limit;

    public ApiKeyAuthenticationMechanism(ClientAddressLimit limit) {
        this.limit = limit;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String address = ClientAddressLimit.address(context);
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            ClientAddressLimitedException limited = limit.admit(address);
            return limited == null ? Uni.createFrom().nullItem() : Uni.createFrom().failure(limited);
        }
        if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().failure(limit.refuse(address,
                    new AuthenticationFailedException("Authorization must be 'Bearer <API key>'")));
        }
        String token = header.substring(BEARER.length()).strip();
        if (!KeyMaterial.wellFormed(token)) {
            return Uni.createFrom().failure(limit.refuse(address, new AuthenticationFailedException("not a Nanopulse API key")));
        }
        return identityProviderManager.authenticate(new ApiKeyAuthenticationRequest(token, address));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }
}
