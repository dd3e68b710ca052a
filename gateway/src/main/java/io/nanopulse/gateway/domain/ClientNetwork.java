package io.nanopulse.gateway.domain;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The unit a client is limited by: its IPv4 address, or the /64 network of an IPv6 address (one subscriber
 * line is usually given a whole /64, so counting single IPv6 addresses would give each request a new budget).
 * IPv4-mapped IPv6 addresses count as their IPv4 address.
 */
public final class ClientNetwork {
    private ClientNetwork() {
    }

    /** @param hostAddress an IP literal as the server reports its peer; anything else is returned as given */
    public static String of(String hostAddress) {
        if (hostAddress == null || hostAddress.indexOf(':') < 0) {
            return hostAddress;
        }
        InetAddress address;
        try {
            // An IP literal is parsed, never looked up.
            address = InetAddress.getByName(hostAddress.startsWith("[") ? hostAddress : "[" + stripZone(hostAddress) + "]");
        } catch (UnknownHostException | SecurityException e) {
            return hostAddress;
        }
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] network = Arrays.copyOf(address.getAddress(), 16);
        Arrays.fill(network, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return hostAddress;
        }
    }

    private static String stripZone(String literal) {
        int zone = literal.indexOf('%');
        return zone < 0 ? literal : literal.substring(0, zone);
    }
}
