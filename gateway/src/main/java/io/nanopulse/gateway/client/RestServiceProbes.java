package io.nanopulse.gateway.client;

import io.nanopulse.contracts.trust.IdentityProof;
import io.nanopulse.gateway.application.ServiceProbes;
import io.nanopulse.gateway.config.GatewayConfig;
import io.nanopulse.gateway.domain.Service;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The status probes through the Quarkus REST client (quarkus-rest-client-jackson), one client per service at
 * quarkus.rest-client.&lt;id&gt;.url. Unguarded by the circuit breakers: a probe must see a service as it is,
 * and must not trip the breaker that forwarded calls share. Every status code is an answer, not a failure.
 * Probes carry the gateway's own identity proof ({@link ProbeIdentity}).
 */
@ApplicationScoped
public class RestServiceProbes implements ServiceProbes {
    private final Map<Service, ServiceProbeApi> clients = new EnumMap<>(Service.class);

    public RestServiceProbes(GatewayConfig config, IdentityProof proof) {
        long connect = config.downstream().connectTimeout().toMillis();
        for (Service s : Service.values()) {
            clients.put(s, QuarkusRestClientBuilder.newBuilder()
                    .baseUri(ServiceUrls.of(s))
                    .connectTimeout(connect, TimeUnit.MILLISECONDS)
                    .readTimeout(config.downstream().timeout().toMillis(), TimeUnit.MILLISECONDS)
                    .disableDefaultMapper(true)
                    .register(new ProbeIdentity(proof))
                    .build(ServiceProbeApi.class));
        }
    }

    @Override
    public Uni<Integer> readiness(Service service) {
        return clients.get(service).ready().map(Response::getStatus);
    }

    @Override
    public Uni<Progress> metricsProgress() {
        return clients.get(Service.METRICS).progress().map(r -> ok(r) ? r.readEntity(Progress.class) : null);
    }

    @Override
    public Uni<String> prometheus(Service service) {
        return clients.get(service).metrics().map(r -> ok(r) ? r.readEntity(String.class) : null);
    }

    private static boolean ok(Response r) {
        return r.getStatus() == 200;
    }

    @PreDestroy
    void close() throws Exception {
        for (ServiceProbeApi client : clients.values()) {
            client.close();
        }
    }
}
