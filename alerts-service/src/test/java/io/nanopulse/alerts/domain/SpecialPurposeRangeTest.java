package io.nanopulse.alerts.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every special-purpose range: its first and last address are refused, its neighbours outside every listed
 * range are allowed. Addresses reach the policy through a DNS name (a fixed resolver, no real lookups).
 */
class SpecialPurposeRangeTest {
    private static final String NAME = "target.test";

    /** The ranges the IANA registries list (plus multicast and the IPv4-compatible block), copied by hand. */
    private static final List<String> REQUIRED = List.of(
            "0.0.0.0/8", "0.0.0.0/32", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.0.0/29", "192.0.0.8/32", "192.0.0.9/32", "192.0.0.10/32", "192.0.0.170/32",
            "192.0.0.171/32", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.88.99.0/24", "192.88.99.2/32",
            "192.168.0.0/16", "192.175.48.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4",
            "240.0.0.0/4", "255.255.255.255/32",
            "::/128", "::1/128", "::/96", "::ffff:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23",
            "2001::/32", "2001:1::1/128", "2001:1::2/128", "2001:2::/48", "2001:3::/32", "2001:4:112::/48",
            "2001:10::/28", "2001:20::/28", "2001:30::/28", "2001:db8::/32", "2002::/16", "2620:4f:8000::/48",
            "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10", "ff00::/8");

    @Test
    void tableHoldsEveryRegistryEntry() {
        Set<String> table = Arrays.stream(SpecialPurposeRange.values()).map(SpecialPurposeRange::cidr).collect(Collectors.toSet());
        for (String cidr : REQUIRED) {
            assertTrue(table.contains(cidr), cidr + " is missing");
        }
    }

    @ParameterizedTest
    @EnumSource(SpecialPurposeRange.class)
    void firstAndLastAddressAreRefused(SpecialPurposeRange range) throws Exception {
        Block block = Block.of(range.cidr());
        for (BigInteger inside : List.of(block.first, block.last)) {
            InetAddress a = block.address(inside);
            String reason = policyResolvingTo(a).refusal("https://" + NAME + "/hook").orElse(null);
            assertTrue(reason != null && reason.contains("resolves to") && reason.contains("webhooks may only call public addresses"),
                    range.cidr() + ": " + a + " -> " + reason);
        }
        // The most specific entry is named, with its registry.
        InetAddress first = block.address(block.first);
        if (SpecialPurposeRange.of(first).orElseThrow() == range) {
            String reason = policyResolvingTo(first).refusal("https://" + NAME + "/").orElseThrow();
            assertTrue(reason.contains(range.cidr() + ", " + range.title() + " (" + range.registry().title() + ")"), reason);
        }
    }

    @ParameterizedTest
    @EnumSource(SpecialPurposeRange.class)
    void neighboursOutsideEveryRangeAreAllowed(SpecialPurposeRange range) throws Exception {
        Block block = Block.of(range.cidr());
        for (BigInteger outside : List.of(block.first.subtract(BigInteger.ONE), block.last.add(BigInteger.ONE))) {
            if (outside.signum() < 0 || outside.bitLength() > block.bits) {
                continue;
            }
            InetAddress a = block.address(outside);
            boolean listed = Arrays.stream(SpecialPurposeRange.values()).map(r -> Block.of(r.cidr())).anyMatch(b -> b.holds(a));
            assertEquals(listed, policyResolvingTo(a).refusal("https://" + NAME + "/hook").isPresent(), range.cidr() + " neighbour " + a);
        }
    }

    @Test
    void neighboursOfTheReportedRangesArePublic() throws Exception {
        for (String ip : List.of("191.255.255.255", "192.0.1.0", "192.88.98.255", "192.88.100.0", "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff",
                "2001:db9::", "8.8.8.8", "2606:4700:4700::1111")) {
            assertTrue(policyResolvingTo(InetAddress.getByName(ip)).refusal("https://" + NAME + "/").isEmpty(), ip);
        }
        for (String ip : List.of("192.0.0.1", "192.0.0.255", "192.88.99.1", "2001:db8::1", "2001:db8:ffff::1")) {
            assertTrue(policyResolvingTo(InetAddress.getByName(ip)).refusal("https://" + NAME + "/").isPresent(), ip);
        }
    }

    @Test
    void rawIpv4MappedFormIsRefusedEvenForAPublicAddress() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 8, 8, 8, 8};
        InetAddress a = Inet6Address.getByAddress(null, mapped, -1);
        assertTrue(policyResolvingTo(a).refusal("https://" + NAME + "/").orElse("").contains("IPv4-mapped"));
    }

    private static WebhookUrlPolicy policyResolvingTo(InetAddress a) {
        return new WebhookUrlPolicy(Set.of(), host -> {
            if (host.equals(NAME)) {
                return new InetAddress[]{a};
            }
            throw new UnknownHostException(host);
        });
    }

    /** A CIDR block as numbers, parsed independently of the class under test. */
    private record Block(BigInteger first, BigInteger last, int bits) {
        static Block of(String cidr) {
            String[] parts = cidr.split("/");
            int bits = parts[0].contains(":") ? 128 : 32;
            BigInteger base = new BigInteger(1, bytes(parts[0], bits / 8));
            BigInteger size = BigInteger.ONE.shiftLeft(bits - Integer.parseInt(parts[1]));
            return new Block(base, base.add(size).subtract(BigInteger.ONE), bits);
        }

        private static byte[] bytes(String literal, int length) {
            try {
                byte[] b = InetAddress.getByName(literal).getAddress(); // literal: no DNS
                if (b.length == length) {
                    return b;
                }
                byte[] mapped = new byte[16]; // "::ffff:…" comes back as IPv4
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(b, 0, mapped, 12, 4);
                return mapped;
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(literal, e);
            }
        }

        boolean holds(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length * 8 != bits) {
                return false;
            }
            BigInteger n = new BigInteger(1, b);
            return n.compareTo(first) >= 0 && n.compareTo(last) <= 0;
        }

        /** The address for a number of this block's family; IPv6 stays IPv6 (no mapped-to-IPv4 conversion). */
        InetAddress address(BigInteger n) throws UnknownHostException {
            byte[] raw = n.toByteArray();
            byte[] b = new byte[bits / 8];
            int copy = Math.min(raw.length, b.length);
            System.arraycopy(raw, raw.length - copy, b, b.length - copy, copy);
            return bits == 32 ? InetAddress.getByAddress(b) : Inet6Address.getByAddress(null, b, -1);
        }
    }

    @Test
    void blockParsingIsSound() throws Exception {
        Block b = Block.of("192.88.99.0/24");
        assertEquals(new BigInteger("3227017984"), b.first);
        assertEquals(new BigInteger("3227018239"), b.last);
        assertTrue(b.holds(InetAddress.getByName("192.88.99.255")));
        assertFalse(b.holds(InetAddress.getByName("192.88.100.0")));
    }
}
