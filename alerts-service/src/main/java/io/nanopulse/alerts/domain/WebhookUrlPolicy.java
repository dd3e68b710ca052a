package io.nanopulse.alerts.domain;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Guards against server-side request forgery: a webhook URL must be http(s) and no address its host resolves
 * to may lie in a {@link SpecialPurposeRange}, unless the host (as written in the URL) is in the allowlist.
 * Checked when a URL is saved and again before every send; the sender then connects to an address of that
 * one resolution ({@link WebhookTarget}), so a DNS answer that changes in between (rebinding) is never used.
 */
public final class WebhookUrlPolicy {

    /** DNS lookup, replaceable in unit tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The outcome of a check: a target to connect to, or the reason the URL is refused. */
    public record Verdict(WebhookTarget target, String refusal) {
        static Verdict refused(String reason) {
            return new Verdict(null, reason);
        }

        public boolean allowed() {
            return target != null;
        }
    }

    private final Set<String> allowHosts;
    private final Resolver resolver;

    public WebhookUrlPolicy(Set<String> allowHosts, Resolver resolver) {
        this.allowHosts = allowHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.resolver = resolver;
    }

    /** Why the URL is refused, or empty when it may be called. */
    public Optional<String> refusal(String url) {
        return Optional.ofNullable(check(url).refusal());
    }

    /** Resolves the URL's host once and checks every address it resolves to. */
    public Verdict check(String url) {
        if (url == null || url.isBlank()) {
            return Verdict.refused("is required");
        }
        if (url.length() > 2048) {
            return Verdict.refused("must be at most 2048 characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Verdict.refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            return Verdict.refused("must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Verdict.refused("must not contain user info (credentials in URLs end up in logs)");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return Verdict.refused("must name a host");
        }
        if (uri.getRawFragment() != null) {
            return Verdict.refused("must not contain a fragment");
        }
        String bareHost = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean allowed = allowHosts.contains(bareHost.toLowerCase(Locale.ROOT)) || allowHosts.contains(host.toLowerCase(Locale.ROOT));
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bareHost);
        } catch (UnknownHostException e) {
            return Verdict.refused("host '" + bareHost + "' does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            return Verdict.refused("host '" + bareHost + "' does not resolve");
        }
        if (!allowed) {
            for (InetAddress a : addresses) {
                Optional<SpecialPurposeRange> range = SpecialPurposeRange.of(a);
                if (range.isPresent()) {
                    return Verdict.refused(describe(bareHost, a, range.get()));
                }
            }
        }
        boolean tls = scheme.equals("https");
        int port = uri.getPort() == -1 ? (tls ? 443 : 80) : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new Verdict(new WebhookTarget(bareHost, port, tls, pathAndQuery, List.of(addresses)), null);
    }

    private static String describe(String host, InetAddress a, SpecialPurposeRange range) {
        String where = isLiteral(host) ? "'" + host + "' is" : "host '" + host + "' resolves to " + a.getHostAddress() + ",";
        return where + " in " + range.cidr() + ", " + range.title() + " (" + range.registry().title() + ")"
                + "; webhooks may only call public addresses (operators can allow a host with nanopulse.alerts.webhook.allow-hosts)";
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }
}
