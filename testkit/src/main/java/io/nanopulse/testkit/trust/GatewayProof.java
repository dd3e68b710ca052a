package io.nanopulse.testkit.trust;

import io.nanopulse.contracts.trust.ForwardedIdentity;
import io.nanopulse.contracts.trust.IdentityProof;
import io.nanopulse.contracts.trust.SigningKeys;
import io.nanopulse.testkit.http.HttpStub;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.RequestSpecification;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls to a service as the gateway makes them: each request carries the {@link IdentityProof} headers for an
 * identity, signed just before it is sent. For @QuarkusTests (with {@link #TEST_KEYS}, the key of every
 * service's {@code %test} profile) and for tests of the packaged platform (with its key file).
 */
public final class GatewayProof implements Filter {
    /** The signing key of the services' test profile; for tests only, never for a deployment. */
    public static final String TEST_KEYS = "bmFub3B1bHNlLXRlc3Qtb25seS1zaWduaW5nLWtleS1uZXZlci11c2UtaW4tcHJvZHVjdGlvbg==";
    /** An identity holding every role. */
    public static final ForwardedIdentity TESTER = ForwardedIdentity.of("tester", "admin", "alerts", "ingest", "read");

    private final IdentityProof proof;
    private final ForwardedIdentity identity;

    public GatewayProof(IdentityProof proof, ForwardedIdentity identity) {
        this.proof = proof;
        this.identity = identity;
    }

    /** Signs as {@code identity} with the test key. */
    public static GatewayProof as(ForwardedIdentity identity) {
        return new GatewayProof(new IdentityProof(SigningKeys.parse(TEST_KEYS)), identity);
    }

    /** Signs as {@code principal} with {@code roles} and the test key. */
    public static GatewayProof as(String principal, String... roles) {
        return as(ForwardedIdentity.of(principal, roles));
    }

    /** Signs as {@code identity} with the keys of a running platform's key file. */
    public static GatewayProof as(Path keyFile, ForwardedIdentity identity) {
        return new GatewayProof(new IdentityProof(SigningKeys.read(keyFile)), identity);
    }

    /** {@code RestAssured.given()} signed as {@link #TESTER} with the test key. */
    public static RequestSpecification given() {
        return RestAssured.given().filter(as(TESTER));
    }

    /**
     * The identity a request received by a stub proves with the test key.
     *
     * @throws io.nanopulse.contracts.trust.InvalidProofException when it proves none
     */
    public static ForwardedIdentity proven(HttpStub.Request request) {
        URI uri = request.uri();
        String target = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        return new IdentityProof(SigningKeys.parse(TEST_KEYS)).verify(request.method(), target,
                request.header(IdentityProof.PRINCIPAL_HEADER), request.header(IdentityProof.ROLES_HEADER),
                request.header(IdentityProof.PROOF_HEADER));
    }

    /** The headers that prove this identity for one request ({@code target}: raw path and query). */
    public Map<String, String> headers(String method, String target) {
        return proof.sign(identity, method, target);
    }

    /**
     * Header sets a service must refuse (401) on a request of {@code method} to {@code target}, by what is wrong
     * with them: a principal header without proof, a proof under another key, an expired one, one for another
     * path, one for another method, and roles raised after signing. The identity is {@link #TESTER}.
     */
    public static Map<String, Map<String, String>> forgeries(String method, String target) {
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        IdentityProof testKey = new IdentityProof(SigningKeys.parse(TEST_KEYS));
        IdentityProof wrongKey = new IdentityProof(SigningKeys.parse(Base64.getEncoder().encodeToString(otherKey)));
        IdentityProof past = new IdentityProof(SigningKeys.parse(TEST_KEYS),
                Clock.offset(Clock.systemUTC(), IdentityProof.MAX_SKEW.plus(Duration.ofSeconds(30)).negated()));
        ForwardedIdentity reader = ForwardedIdentity.of(TESTER.principal(), "read");
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("principal header alone", Map.of(IdentityProof.PRINCIPAL_HEADER, TESTER.principal(),
                IdentityProof.ROLES_HEADER, String.join(",", TESTER.roles())));
        cases.put("proof under another key", wrongKey.sign(TESTER, method, target));
        cases.put("expired proof", past.sign(TESTER, method, target));
        cases.put("proof for another path", testKey.sign(TESTER, method, target + (target.contains("?") ? "&x=1" : "/x")));
        cases.put("proof for another method", testKey.sign(TESTER, "GET".equals(method) ? "POST" : "GET", target));
        Map<String, String> raised = new LinkedHashMap<>(testKey.sign(reader, method, target));
        raised.put(IdentityProof.ROLES_HEADER, String.join(",", TESTER.roles()));
        cases.put("roles raised after signing", raised);
        return cases;
    }

    /** The headers for the request to {@code uri}. */
    public Map<String, String> headers(String method, URI uri) {
        return headers(method, uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery());
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        headers(request.getMethod(), URI.create(request.getURI())).forEach((name, value) -> {
            request.removeHeader(name);
            request.header(name, value);
        });
        return context.next(request, response);
    }
}
