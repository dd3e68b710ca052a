package io.nanopulse.gateway.client;

import io.nanopulse.gateway.domain.Service;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;

/**
 * Where each service answers: quarkus.rest-client.&lt;id&gt;.url (the names the platform launcher and the
 * deployments set), defaulting to the local ports 8081-8083; its management interface (health, metrics) at
 * quarkus.rest-client.&lt;id&gt;-management.url, defaulting to 9081-9083.
 */
final class ServiceUrls {
    private ServiceUrls() {
    }

    static URI of(Service service) {
        return URI.create(ConfigProvider.getConfig()
                .getOptionalValue("quarkus.rest-client." + service.id() + ".url", String.class)
                .orElse(service.defaultUrl()));
    }

    static URI management(Service service) {
        return URI.create(ConfigProvider.getConfig()
                .getOptionalValue("quarkus.rest-client." + service.id() + "-management.url", String.class)
                .orElse(service.defaultManagementUrl()));
    }
}
