package io.nanopulse.alerts.domain;

import java.net.InetAddress;
import java.util.List;

/**
 * A webhook URL that passed the SSRF policy, with the addresses its host resolved to when it was checked.
 * The sender connects to {@link #address()} and nothing else; {@code host} stays the name for the Host
 * header, TLS SNI and certificate verification.
 *
 * @param host      the host as written in the URL (brackets removed from IPv6 literals)
 * @param port      the port, the scheme's default when the URL names none
 * @param tls       https
 * @param pathAndQuery the raw path and query to request ("/" when the URL has no path)
 * @param addresses every address the host resolved to, all checked
 */
public record WebhookTarget(String host, int port, boolean tls, String pathAndQuery, List<InetAddress> addresses) {
    public WebhookTarget {
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("a webhook target needs an address");
        }
    }

    /** The address to connect to: the first one resolved (every one of them was checked). */
    public InetAddress address() {
        return addresses.get(0);
    }
}
