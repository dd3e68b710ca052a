package io.nanopulse.gateway.client;

import io.nanopulse.contracts.trust.ForwardedIdentity;
import io.nanopulse.contracts.trust.IdentityProof;
import io.nanopulse.gateway.application.Downstream;
import io.nanopulse.gateway.application.Reply;
import io.nanopulse.gateway.config.GatewayConfig;
import io.nanopulse.gateway.domain.Service;
import io.nanopulse.gateway.domain.Verb;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;

/** The clients of the three services, one {@link ServiceClient} each (see {@link ServiceUrls} for their addresses). */
@ApplicationScoped
public class ServiceClients implements Downstream {
    private final Map<Service, ServiceClient> clients = new EnumMap<>(Service.class);

    public ServiceClients(Vertx vertx, GatewayConfig config, IdentityProof proof) {
        for (Service s : Service.values()) {
            clients.put(s, new ServiceClient(s, ServiceUrls.of(s), vertx, config.downstream(), proof));
        }
    }

    @Override
    public Uni<Reply> call(Service service, Verb verb, String uri, ForwardedIdentity caller, Map<String, String> headers, byte[] body) {
        return clients.get(service).call(verb, uri, caller, headers, body);
    }

    @Override
    public Reply upload(Service service, String uri, ForwardedIdentity caller, Map<String, String> headers, InputStream body, long limit) {
        return clients.get(service).upload(uri, caller, headers, body, limit);
    }

    @Override
    public Multi<String> events(Service service, String uri, ForwardedIdentity caller, Map<String, String> headers) {
        return clients.get(service).events(uri, caller, headers);
    }

    @Override
    public String breakerState(Service service) {
        return clients.get(service).breakerState().name();
    }
}
