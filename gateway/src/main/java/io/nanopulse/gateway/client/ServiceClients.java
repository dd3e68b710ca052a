package io.nanopulse.gateway.client;

import io.nanopulse.gateway.config.GatewayConfig;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

/**
 * The clients of the three services. Their base URLs are quarkus.rest-client.{ingest,metrics,alerts}.url
 * (the names the platform launcher sets), defaulting to the local ports 8081-8083.
 */
@ApplicationScoped
public class ServiceClients {
    private final Map<Service, ServiceClient> clients = new EnumMap<>(Service.class);

    public ServiceClients(Vertx vertx, GatewayConfig config) {
        var mpConfig = ConfigProvider.getConfig();
        for (Service s : Service.values()) {
            String url = mpConfig.getOptionalValue("quarkus.rest-client." + s.id() + ".url", String.class)
                    .orElse(s.defaultUrl());
            clients.put(s, new ServiceClient(s, URI.create(url), vertx, config.downstream()));
        }
    }

    public ServiceClient get(Service service) {
        return clients.get(service);
    }

    public ServiceClient ingest() {
        return clients.get(Service.INGEST);
    }

    public ServiceClient metrics() {
        return clients.get(Service.METRICS);
    }

    public ServiceClient alerts() {
        return clients.get(Service.ALERTS);
    }
}
