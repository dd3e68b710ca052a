package io.nanopulse.alerts.domain;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * The address ranges a webhook may not reach: every entry of the IANA IPv4 and IPv6 Special-Purpose Address
 * Registries (RFC 6890), the multicast blocks, and the deprecated IPv4-compatible IPv6 block. Nested entries
 * are listed as the registries list them, so a refusal names the most specific one.
 */
public enum SpecialPurposeRange {
    V4_THIS_NETWORK("0.0.0.0/8", Registry.IPV4, "this network"),
    V4_THIS_HOST("0.0.0.0/32", Registry.IPV4, "this host on this network"),
    V4_PRIVATE_10("10.0.0.0/8", Registry.IPV4, "private-use"),
    V4_SHARED("100.64.0.0/10", Registry.IPV4, "shared address space (carrier-grade NAT)"),
    V4_LOOPBACK("127.0.0.0/8", Registry.IPV4, "loopback"),
    V4_LINK_LOCAL("169.254.0.0/16", Registry.IPV4, "link local (incl. cloud metadata 169.254.169.254)"),
    V4_PRIVATE_172("172.16.0.0/12", Registry.IPV4, "private-use"),
    V4_IETF("192.0.0.0/24", Registry.IPV4, "IETF protocol assignments"),
    V4_SERVICE_CONTINUITY("192.0.0.0/29", Registry.IPV4, "IPv4 service continuity prefix"),
    V4_DUMMY("192.0.0.8/32", Registry.IPV4, "IPv4 dummy address"),
    V4_PCP_ANYCAST("192.0.0.9/32", Registry.IPV4, "port control protocol anycast"),
    V4_TURN_ANYCAST("192.0.0.10/32", Registry.IPV4, "traversal using relays around NAT anycast"),
    V4_NAT64_DISCOVERY_1("192.0.0.170/32", Registry.IPV4, "NAT64/DNS64 discovery"),
    V4_NAT64_DISCOVERY_2("192.0.0.171/32", Registry.IPV4, "NAT64/DNS64 discovery"),
    V4_TEST_NET_1("192.0.2.0/24", Registry.IPV4, "documentation (TEST-NET-1)"),
    V4_AS112("192.31.196.0/24", Registry.IPV4, "AS112-v4"),
    V4_AMT("192.52.193.0/24", Registry.IPV4, "AMT"),
    V4_6TO4_RELAY("192.88.99.0/24", Registry.IPV4, "deprecated 6to4 relay anycast"),
    V4_6A44_RELAY("192.88.99.2/32", Registry.IPV4, "6a44 relay anycast"),
    V4_PRIVATE_192("192.168.0.0/16", Registry.IPV4, "private-use"),
    V4_AS112_DIRECT("192.175.48.0/24", Registry.IPV4, "direct delegation AS112 service"),
    V4_BENCHMARKING("198.18.0.0/15", Registry.IPV4, "benchmarking"),
    V4_TEST_NET_2("198.51.100.0/24", Registry.IPV4, "documentation (TEST-NET-2)"),
    V4_TEST_NET_3("203.0.113.0/24", Registry.IPV4, "documentation (TEST-NET-3)"),
    V4_MULTICAST("224.0.0.0/4", Registry.IPV4_MULTICAST, "multicast"),
    V4_RESERVED("240.0.0.0/4", Registry.IPV4, "reserved"),
    V4_BROADCAST("255.255.255.255/32", Registry.IPV4, "limited broadcast"),

    V6_UNSPECIFIED("::/128", Registry.IPV6, "unspecified address"),
    V6_LOOPBACK("::1/128", Registry.IPV6, "loopback address"),
    V6_IPV4_COMPATIBLE("::/96", Registry.RFC4291, "IPv4-compatible (deprecated)"),
    V6_IPV4_MAPPED("::ffff:0:0/96", Registry.IPV6, "IPv4-mapped address"),
    V6_NAT64("64:ff9b::/96", Registry.IPV6, "IPv4-IPv6 translation (NAT64)"),
    V6_NAT64_LOCAL("64:ff9b:1::/48", Registry.IPV6, "IPv4-IPv6 translation (local-use NAT64)"),
    V6_DISCARD("100::/64", Registry.IPV6, "discard-only address block"),
    V6_DUMMY("100:0:0:1::/64", Registry.IPV6, "dummy IPv6 prefix"),
    V6_IETF("2001::/23", Registry.IPV6, "IETF protocol assignments"),
    V6_TEREDO("2001::/32", Registry.IPV6, "TEREDO"),
    V6_PCP_ANYCAST("2001:1::1/128", Registry.IPV6, "port control protocol anycast"),
    V6_TURN_ANYCAST("2001:1::2/128", Registry.IPV6, "traversal using relays around NAT anycast"),
    V6_DNS_SD_ANYCAST("2001:1::3/128", Registry.IPV6, "DNS-SD service registration protocol anycast"),
    V6_BENCHMARKING("2001:2::/48", Registry.IPV6, "benchmarking"),
    V6_AMT("2001:3::/32", Registry.IPV6, "AMT"),
    V6_AS112("2001:4:112::/48", Registry.IPV6, "AS112-v6"),
    V6_ORCHID("2001:10::/28", Registry.IPV6, "deprecated ORCHID"),
    V6_ORCHID_V2("2001:20::/28", Registry.IPV6, "ORCHIDv2"),
    V6_DRONE_DET("2001:30::/28", Registry.IPV6, "drone remote ID protocol entity tags"),
    V6_DOCUMENTATION("2001:db8::/32", Registry.IPV6, "documentation"),
    V6_6TO4("2002::/16", Registry.IPV6, "6to4"),
    V6_AS112_DIRECT("2620:4f:8000::/48", Registry.IPV6, "direct delegation AS112 service"),
    V6_DOCUMENTATION_2("3fff::/20", Registry.IPV6, "documentation"),
    V6_SRV6_SIDS("5f00::/16", Registry.IPV6, "segment routing (SRv6) SIDs"),
    V6_UNIQUE_LOCAL("fc00::/7", Registry.IPV6, "unique-local (private)"),
    V6_LINK_LOCAL("fe80::/10", Registry.IPV6, "link-local unicast"),
    V6_MULTICAST("ff00::/8", Registry.IPV6_MULTICAST, "multicast");

    /** Where an entry comes from. */
    public enum Registry {
        IPV4("IANA IPv4 special-purpose address registry"),
        IPV6("IANA IPv6 special-purpose address registry"),
        IPV4_MULTICAST("IANA IPv4 multicast address space registry"),
        IPV6_MULTICAST("IANA IPv6 multicast address space registry"),
        RFC4291("RFC 4291 section 2.5.5.1");

        private final String title;

        Registry(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final String cidr;
    private final Registry registry;
    private final String name;
    private final byte[] prefix;
    private final int bits;

    SpecialPurposeRange(String cidr, Registry registry, String name) {
        this.cidr = cidr;
        this.registry = registry;
        this.name = name;
        int slash = cidr.indexOf('/');
        this.prefix = literalBytes(cidr.substring(0, slash));
        this.bits = Integer.parseInt(cidr.substring(slash + 1));
    }

    public String cidr() {
        return cidr;
    }

    public Registry registry() {
        return registry;
    }

    /** The entry's name, lower case (as used in messages). */
    public String title() {
        return name;
    }

    /** The number of leading bits that define the range. */
    public int prefixLength() {
        return bits;
    }

    /** The range's first address, as raw bytes (4 or 16). */
    public byte[] firstAddress() {
        return prefix.clone();
    }

    /** Whether the raw address (4 bytes for IPv4, 16 for IPv6) lies in this range. */
    public boolean contains(byte[] address) {
        if (address.length != prefix.length) {
            return false;
        }
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != prefix[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (prefix[full] & mask);
    }

    /** The most specific range holding {@code address}, or empty when it is in none. */
    public static Optional<SpecialPurposeRange> of(InetAddress address) {
        byte[] b = address.getAddress();
        return Arrays.stream(values()).filter(r -> r.contains(b)).max(Comparator.comparingInt(r -> r.bits));
    }

    /** Bytes of an IP literal; "::ffff:a.b.c.d" forms stay 16 bytes (the JDK would turn them into IPv4). */
    private static byte[] literalBytes(String literal) {
        try {
            InetAddress a = InetAddress.getByName(literal); // a literal: never a DNS lookup
            byte[] b = a.getAddress();
            if (a instanceof Inet4Address && literal.contains(":")) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(b, 0, mapped, 12, 4);
                return mapped;
            }
            return b;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + literal, e);
        }
    }
}
