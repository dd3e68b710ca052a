package io.nanopulse.alerts.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Guards against server-side request forgery: a webhook URL must be http(s) and every address its host
 * resolves to must be public, unless the host (as written in the URL) is in the allowlist. Checked when
 * a URL is saved and again before every send, because DNS answers change.
 *
 * <p>Residual risk, documented: the HTTP client resolves the name again when it connects, so a DNS
 * server answering differently within milliseconds (rebinding) could slip through.
 */
public final class WebhookUrlPolicy {

    /** DNS lookup, replaceable in unit tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<String> allowHosts;
    private final Resolver resolver;

    public WebhookUrlPolicy(Set<String> allowHosts, Resolver resolver) {
        this.allowHosts = allowHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.resolver = resolver;
    }

    /** Why the URL is refused, or empty when it may be called. */
    public Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > 2048) {
            return Optional.of("must be at most 2048 characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain user info (credentials in URLs end up in logs)");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not contain a fragment");
        }
        String bareHost = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (allowHosts.contains(bareHost.toLowerCase(Locale.ROOT)) || allowHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bareHost);
        } catch (UnknownHostException e) {
            return Optional.of("host '" + bareHost + "' does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            return Optional.of("host '" + bareHost + "' does not resolve");
        }
        for (InetAddress a : addresses) {
            Optional<String> category = forbiddenCategory(a);
            if (category.isPresent()) {
                String target = a.getHostAddress();
                String what = target.equals(bareHost) ? "'" + bareHost + "' is " : "host '" + bareHost + "' resolves to " + target + ", ";
                String article = "aeiou".indexOf(category.get().charAt(0)) >= 0 ? "an " : "a ";
                return Optional.of(what + article + category.get() + " address; webhooks may only call public addresses"
                        + " (operators can allow a host with nanopulse.alerts.webhook.allow-hosts)");
            }
        }
        return Optional.empty();
    }

    /** The kind of non-public address {@code a} is, or empty when it is public. */
    public static Optional<String> forbiddenCategory(InetAddress a) {
        byte[] b = a.getAddress();
        if (a.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (a.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (a instanceof Inet6Address) {
            if (isIpv4Compatible(b) || isNat64(b)) {
                // ::a.b.c.d and 64:ff9b::a.b.c.d reach an IPv4 address: judge that one.
                byte[] v4 = {b[12], b[13], b[14], b[15]};
                try {
                    return forbiddenCategory(InetAddress.getByAddress(v4));
                } catch (UnknownHostException e) {
                    return Optional.of("malformed");
                }
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of((b[0] & 0xff) == 0xfd && (b[1] & 0xff) == 0x00 && (b[2] & 0xff) == 0x0e && (b[3] & 0xff) == 0xc2
                        ? "cloud metadata" : "private (unique local)");
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return Optional.of("6to4 relay");
            }
        }
        if (a instanceof Inet4Address) {
            int o0 = b[0] & 0xff;
            int o1 = b[1] & 0xff;
            if (o0 == 169 && o1 == 254 && (b[2] & 0xff) == 169 && (b[3] & 0xff) == 254) {
                return Optional.of("cloud metadata");
            }
            if (o0 == 0) {
                return Optional.of("unspecified");
            }
            if (o0 == 100 && o1 >= 64 && o1 <= 127) {
                return Optional.of("private (carrier-grade NAT)");
            }
            if (o0 == 198 && (o1 == 18 || o1 == 19)) {
                return Optional.of("private (benchmarking)");
            }
            if (o0 >= 240) {
                return Optional.of("reserved");
            }
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (a.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        return Optional.empty();
    }

    private static boolean isIpv4Compatible(byte[] b) {
        for (int i = 0; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNat64(byte[] b) {
        if ((b[0] & 0xff) != 0x00 || (b[1] & 0xff) != 0x64 || (b[2] & 0xff) != 0xff || (b[3] & 0xff) != 0x9b) {
            return false;
        }
        for (int i = 4; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
