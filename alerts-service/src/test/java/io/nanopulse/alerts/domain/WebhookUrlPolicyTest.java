package io.nanopulse.alerts.domain;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookUrlPolicyTest {
    /** A fixed DNS: names map to addresses; IP literals resolve to themselves (as the JDK does). */
    private static WebhookUrlPolicy.Resolver dns(Map<String, String> names) {
        return host -> {
            String ip = names.get(host);
            if (ip != null) {
                return new InetAddress[]{InetAddress.getByName(ip)};
            }
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return new InetAddress[]{InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        };
    }

    private final WebhookUrlPolicy noAllowlist = new WebhookUrlPolicy(Set.of(), dns(Map.of(
            "hooks.example.com", "93.184.216.34", "localhost", "127.0.0.1", "evil.example.com", "169.254.169.254",
            "intranet.example.com", "192.168.1.10")));

    private void assertRefused(String url, String reasonPart) {
        var r = noAllowlist.refusal(url);
        assertTrue(r.isPresent() && r.get().contains(reasonPart), url + " -> " + r);
    }

    @Test
    void publicHttpsIsAllowed() {
        assertTrue(noAllowlist.refusal("https://hooks.example.com/nanopulse?x=1").isEmpty());
        assertTrue(noAllowlist.refusal("http://93.184.216.34:8080/h").isEmpty());
    }

    @Test
    void refusesInternalAddresses() {
        assertRefused("http://127.0.0.1:8080/hook", "loopback");
        assertRefused("http://localhost/hook", "resolves to 127.0.0.1, a loopback");
        assertRefused("http://169.254.169.254/latest/meta-data", "cloud metadata");
        assertRefused("http://evil.example.com/", "cloud metadata");
        assertRefused("http://10.0.0.1/", "private");
        assertRefused("http://172.16.5.4/", "private");
        assertRefused("http://intranet.example.com/", "private");
        assertRefused("http://169.254.1.1/", "link-local");
        assertRefused("http://0.0.0.0/", "unspecified");
        assertRefused("http://100.64.0.1/", "carrier-grade NAT");
        assertRefused("http://224.0.0.1/", "multicast");
        assertRefused("http://[::1]/", "loopback");
        assertRefused("http://[fd00::1]/", "private");
        assertRefused("http://[fe80::1]/", "link-local");
        assertRefused("http://[::ffff:127.0.0.1]/", "loopback");
        assertRefused("http://[64:ff9b::a00:1]/", "private");
    }

    @Test
    void refusesOtherSchemesCredentialsAndUnknownHosts() {
        assertRefused("ftp://hooks.example.com/", "http or https");
        assertRefused("file:///etc/passwd", "http or https");
        assertRefused("hooks.example.com/x", "http or https");
        assertRefused("https://user:pw@hooks.example.com/", "user info");
        assertRefused("https://nowhere.invalid/", "does not resolve");
    }

    @Test
    void allowlistMatchesTheHostAsWrittenOnly() {
        var policy = new WebhookUrlPolicy(Set.of("127.0.0.1"), dns(Map.of("localhost", "127.0.0.1")));
        assertTrue(policy.refusal("http://127.0.0.1:9999/hook").isEmpty());
        // A name resolving to an allowed address is not allowed by that address.
        assertTrue(policy.refusal("http://localhost:9999/hook").isPresent());
        assertTrue(policy.refusal("http://127.0.0.2/").isPresent());
    }

    @Test
    void realResolverRefusesLocalhost() {
        var policy = new WebhookUrlPolicy(Set.of(), InetAddress::getAllByName);
        assertEquals(true, policy.refusal("http://localhost:8083/").orElse("").contains("loopback"));
    }
}
