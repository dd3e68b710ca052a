package io.nanopulse.contracts.trust;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proof that the gateway (or a service acting as itself) sent a request for an identity: an HMAC-SHA256, under
 * a key of {@link SigningKeys}, over the principal, the roles, the HTTP method, the request target (path and
 * raw query, exactly as sent) and the time. A service accepts a proof signed with any of its keys within
 * {@link #MAX_SKEW} either side of its own clock; new proofs are signed with the first key.
 *
 * <p>Headers: {@value #PRINCIPAL_HEADER}, {@value #ROLES_HEADER} (comma-separated) and {@value #PROOF_HEADER}
 * ({@code t=<epoch seconds>,v1=<base64url MAC>}).
 */
public final class IdentityProof {
    public static final String PRINCIPAL_HEADER = "X-Nanopulse-Principal";
    public static final String ROLES_HEADER = "X-Nanopulse-Roles";
    public static final String PROOF_HEADER = "X-Nanopulse-Proof";
    public static final Duration MAX_SKEW = Duration.ofSeconds(30);
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAX_TARGET = 16 * 1024;
    private static final Pattern PROOF = Pattern.compile("t=(\\d{1,12}),v1=([A-Za-z0-9_-]{43})");
    private static final Pattern ROLES = Pattern.compile("[a-z0-9:_,-]{0,700}");

    private final SigningKeys keys;
    private final Clock clock;

    public IdentityProof(SigningKeys keys) {
        this(keys, Clock.systemUTC());
    }

    public IdentityProof(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The three headers that prove {@code identity} for this one request, signed with the current key. */
    public Map<String, String> sign(ForwardedIdentity identity, String method, String target) {
        long t = clock.instant().getEpochSecond();
        String roles = identity.rolesHeader();
        byte[] mac = mac(keys.current(), t, method, target, identity.principal(), roles);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(PRINCIPAL_HEADER, identity.principal());
        headers.put(ROLES_HEADER, roles);
        headers.put(PROOF_HEADER, "t=" + t + ",v1=" + Base64.getUrlEncoder().withoutPadding().encodeToString(mac));
        return headers;
    }

    /**
     * The identity the headers prove for this request.
     *
     * @param target the request target as received: raw path and, if any, {@code ?} and the raw query
     * @throws InvalidProofException when a header is missing or malformed, the proof is too old or too new, or
     *                               no key gives the same MAC
     */
    public ForwardedIdentity verify(String method, String target, String principal, String roles, String proof) {
        if (proof == null || proof.isEmpty()) {
            throw new InvalidProofException("missing " + PROOF_HEADER + " header: call through the gateway");
        }
        if (principal == null || principal.isEmpty()) {
            throw new InvalidProofException("missing " + PRINCIPAL_HEADER + " header");
        }
        Matcher m = PROOF.matcher(proof);
        if (!m.matches()) {
            throw new InvalidProofException(PROOF_HEADER + " is malformed");
        }
        String rolesValue = roles == null ? "" : roles;
        if (!ROLES.matcher(rolesValue).matches()) {
            throw new InvalidProofException(ROLES_HEADER + " is malformed");
        }
        if (method == null || target == null || target.length() > MAX_TARGET) {
            throw new InvalidProofException("request target too long to verify");
        }
        long t = Long.parseLong(m.group(1));
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - t) > MAX_SKEW.toSeconds()) {
            throw new InvalidProofException(PROOF_HEADER + " is expired or not yet valid (" + MAX_SKEW.toSeconds()
                    + " s either side)");
        }
        byte[] given = Base64.getUrlDecoder().decode(m.group(2));
        boolean matches = false;
        for (byte[] key : keys.all()) {
            // Every key is tried, so the time taken does not tell which one matched.
            matches |= MessageDigest.isEqual(given, mac(key, t, method, target, principal, rolesValue));
        }
        if (!matches) {
            throw new InvalidProofException(PROOF_HEADER + " does not prove this request");
        }
        ForwardedIdentity identity;
        try {
            identity = new ForwardedIdentity(principal,
                    rolesValue.isEmpty() ? List.of() : Arrays.asList(rolesValue.split(",", -1)));
        } catch (IllegalArgumentException e) {
            throw new InvalidProofException(e.getMessage());
        }
        if (!identity.rolesHeader().equals(rolesValue)) {
            throw new InvalidProofException(ROLES_HEADER + " is not in canonical form");
        }
        return identity;
    }

    private static byte[] mac(byte[] key, long t, String method, String target, String principal, String roles) {
        String message = "nanopulse-proof-v1\n" + t + "\n" + method.toUpperCase(Locale.ROOT) + "\n" + target + "\n"
                + principal + "\n" + roles;
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }
}
