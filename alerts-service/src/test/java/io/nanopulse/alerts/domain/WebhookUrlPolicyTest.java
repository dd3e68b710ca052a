package io.nanopulse.alerts.domain;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

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
        assertRefused("http://localhost/hook", "resolves to 127.0.0.1, in 127.0.0.0/8, loopback");
        assertRefused("http://169.254.169.254/latest/meta-data", "cloud metadata");
        assertRefused("http://evil.example.com/", "cloud metadata");
        assertRefused("http://10.0.0.1/", "private");
        assertRefused("http://172.16.5.4/", "private");
        assertRefused("http://intranet.example.com/", "private");
        assertRefused("http://169.254.1.1/", "link local");
        assertRefused("http://0.0.0.0/", "this host on this network");
        assertRefused("http://100.64.0.1/", "carrier-grade NAT");
        assertRefused("http://224.0.0.1/", "multicast");
        assertRefused("http://[::1]/", "loopback");
        assertRefused("http://[fd00::1]/", "private");
        assertRefused("http://[fe80::1]/", "link-local");
        assertRefused("http://[::ffff:127.0.0.1]/", "loopback");
        assertRefused("http://[::ffff:10.0.0.1]/", "private");
        assertRefused("http://[::127.0.0.1]/", "IPv4-compatible");
        assertRefused("http://[64:ff9b::a00:1]/", "NAT64");
        assertRefused("http://[64:ff9b::808:808]/", "NAT64");
        assertRefused("http://[2002:a00:1::]/", "6to4");
        assertRefused("http://192.0.0.100/", "IETF protocol assignments");
        assertRefused("http://192.88.99.1/", "6to4 relay");
        assertRefused("http://[2001:db8::1]/", "documentation");
        assertRefused("http://127.1/", "must name a host");
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIsSpecial() {
        var policy = new WebhookUrlPolicy(Set.of(), host -> new InetAddress[]{
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.1.2.3")});
        assertTrue(policy.refusal("https://mixed.test/").orElse("").contains("resolves to 10.1.2.3, in 10.0.0.0/8"));
    }

    @Test
    void anAllowedUrlIsResolvedOnceAndCarriesTheCheckedAddresses() {
        AtomicInteger lookups = new AtomicInteger();
        var policy = new WebhookUrlPolicy(Set.of(), host -> {
            lookups.incrementAndGet();
            return new InetAddress[]{InetAddress.getByName("93.184.216.34"), InetAddress.getByName("2606:2800:220:1::1")};
        });
        var verdict = policy.check("https://hooks.example.com/in/nanopulse?team=ip%20x");
        assertEquals(1, lookups.get());
        assertTrue(verdict.allowed());
        WebhookTarget t = verdict.target();
        assertEquals("hooks.example.com", t.host());
        assertEquals(443, t.port());
        assertTrue(t.tls());
        assertEquals("/in/nanopulse?team=ip%20x", t.pathAndQuery());
        assertEquals("93.184.216.34", t.address().getHostAddress());
        assertEquals(2, t.addresses().size());
        assertEquals(8080, policy.check("http://hooks.example.com:8080").target().port());
        assertEquals("/", policy.check("http://hooks.example.com:8080").target().pathAndQuery());
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
        // An allowed host is still resolved once, and the target is what it resolved to.
        var named = new WebhookUrlPolicy(Set.of("receiver.test"), dns(Map.of("receiver.test", "127.0.0.1")));
        assertEquals("127.0.0.1", named.check("http://receiver.test:9999/hook").target().address().getHostAddress());
    }

    @Test
    void realResolverRefusesLocalhost() {
        var policy = new WebhookUrlPolicy(Set.of(), InetAddress::getAllByName);
        assertEquals(true, policy.refusal("http://localhost:8083/").orElse("").contains("loopback"));
    }
}
