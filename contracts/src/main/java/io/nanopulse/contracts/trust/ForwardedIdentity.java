package io.nanopulse.contracts.trust;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who a service acts for: the principal the gateway authenticated (or a service's own, e.g.
 * {@code service:alerts}) and its roles, in a stable order.
 */
public record ForwardedIdentity(String principal, List<String> roles) {
    public static final int MAX_PRINCIPAL = 200;
    public static final int MAX_ROLES = 16;
    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9:_-]{0,39}");

    public ForwardedIdentity {
        Objects.requireNonNull(principal, "principal");
        if (principal.isEmpty() || principal.length() > MAX_PRINCIPAL || !printableAscii(principal)) {
            throw new IllegalArgumentException("the principal must be 1.." + MAX_PRINCIPAL + " printable ASCII characters");
        }
        roles = roles.stream().distinct().sorted().toList();
        if (roles.size() > MAX_ROLES || !roles.stream().allMatch(r -> ROLE.matcher(r).matches())) {
            throw new IllegalArgumentException("at most " + MAX_ROLES + " roles of lower-case letters, digits, ':', '_' or '-'");
        }
    }

    public static ForwardedIdentity of(String principal, Set<String> roles) {
        return new ForwardedIdentity(principal, List.copyOf(roles));
    }

    public static ForwardedIdentity of(String principal, String... roles) {
        return new ForwardedIdentity(principal, List.of(roles));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The roles as the roles header carries them: comma-separated, sorted. */
    String rolesHeader() {
        return String.join(",", roles);
    }

    private static boolean printableAscii(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }
}
