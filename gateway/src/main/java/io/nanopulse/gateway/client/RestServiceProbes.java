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
 * The status probes through the Quarkus REST client (quarkus-rest-client-jackson), two clients per service:
 * its API at quarkus.rest-client.&lt;id&gt;.url (metrics' progress, carrying the gateway's own identity proof,
 * {@link ProbeIdentity}) and its management interface at quarkus.rest-client.&lt;id&gt;-management.url
 * (readiness, Prometheus metrics; no proof needed). Unguarded by the circuit breakers: a probe must see a
 * service as it is, and must not trip the breaker that forwarded calls share. Every status code is an answer,
 * not a failure.
 */
@ApplicationScoped
public class RestServiceProbes implements ServiceProbes {
    private final Map<Service, ServiceProbeApi> clients = new EnumMap<>(Service.class);
    private final Map<Service, ManagementProbeApi> management = new EnumMap<>(Service.class);

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
            management.put(s, QuarkusRestClientBuilder.newBuilder()
                    .baseUri(ServiceUrls.management(s))
                    .connectTimeout(connect, TimeUnit.MILLISECONDS)
                    .readTimeout(config.downstream().timeout().toMillis(), TimeUnit.MILLISECONDS)
                    .disableDefaultMapper(true)
                    .build(ManagementProbeApi.class));
        }
    }

    @Override
    public Uni<Integer> readiness(Service service) {
        return management.get(service).ready().map(Response::getStatus);
    }

    @Override
    public Uni<Progress> metricsProgress() {
        return clients.get(Service.METRICS).progress().map(r -> ok(r) ? r.readEntity(Progress.class) : null);
    }

    @Override
    public Uni<String> prometheus(Service service) {
        return management.get(service).metrics().map(r -> ok(r) ? r.readEntity(String.class) : null);
    }

    private static boolean ok(Response r) {
        return r.getStatus() == 200;
    }

    @PreDestroy
    void close() throws Exception {
        for (ServiceProbeApi client : clients.values()) {
            client.close();
        }
        for (ManagementProbeApi client : management.values()) {
            client.close();
        }
    }
}
