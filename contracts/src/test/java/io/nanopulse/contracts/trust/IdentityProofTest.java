package io.nanopulse.contracts.trust;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static io.nanopulse.contracts.trust.IdentityProof.PRINCIPAL_HEADER;
import static io.nanopulse.contracts.trust.IdentityProof.PROOF_HEADER;
import static io.nanopulse.contracts.trust.IdentityProof.ROLES_HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentityProofTest {
    private static final String KEY_A = key('a');
    private static final String KEY_B = key('b');
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final ForwardedIdentity ALICE = ForwardedIdentity.of("team-alice", "read", "alerts");
    private static final String TARGET = "/subscribers/42?page=1&size=%2010";

    private static String key(char c) {
        return Base64.getEncoder().encodeToString(String.valueOf(c).repeat(32).getBytes());
    }

    private static IdentityProof proof(String keys, Instant at) {
        return new IdentityProof(SigningKeys.parse(keys), Clock.fixed(at, ZoneOffset.UTC));
    }

    private static ForwardedIdentity verify(IdentityProof verifier, String method, String target, Map<String, String> h) {
        return verifier.verify(method, target, h.get(PRINCIPAL_HEADER), h.get(ROLES_HEADER), h.get(PROOF_HEADER));
    }

    @Test
    void aValidProofIsAccepted() {
        Map<String, String> headers = proof(KEY_A, NOW).sign(ALICE, "GET", TARGET);
        ForwardedIdentity proven = verify(proof(KEY_A, NOW), "GET", TARGET, headers);
        assertEquals(ALICE, proven);
        assertEquals("alerts,read", headers.get(ROLES_HEADER));
        assertTrue(proven.hasRole("read"));
    }

    @Test
    void aProofWithinTheSkewEitherSideIsAccepted() {
        Map<String, String> headers = proof(KEY_A, NOW).sign(ALICE, "GET", TARGET);
        verify(proof(KEY_A, NOW.plusSeconds(30)), "GET", TARGET, headers);
        verify(proof(KEY_A, NOW.minusSeconds(30)), "GET", TARGET, headers);
    }

    @Test
    void anExpiredOrFutureProofIsRefused() {
        Map<String, String> headers = proof(KEY_A, NOW).sign(ALICE, "GET", TARGET);
        assertRefused(proof(KEY_A, NOW.plusSeconds(31)), "GET", TARGET, headers, "expired");
        assertRefused(proof(KEY_A, NOW.minusSeconds(31)), "GET", TARGET, headers, "expired");
    }

    @Test
    void anyChangedFieldIsRefused() {
        IdentityProof p = proof(KEY_A, NOW);
        Map<String, String> headers = p.sign(ALICE, "GET", TARGET);
        assertRefused(p, "DELETE", TARGET, headers, "does not prove");
        assertRefused(p, "GET", "/subscribers/43?page=1&size=%2010", headers, "does not prove");
        assertRefused(p, "GET", "/subscribers/42?page=2&size=%2010", headers, "does not prove");
        assertRefused(p, "GET", "/subscribers/42", headers, "does not prove");
        assertRefused(p, "GET", TARGET, with(headers, PRINCIPAL_HEADER, "team-mallory"), "does not prove");
        assertRefused(p, "GET", TARGET, with(headers, ROLES_HEADER, "admin,alerts,read"), "does not prove");
        assertRefused(p, "GET", TARGET, with(headers, ROLES_HEADER, ""), "does not prove");
        String t = headers.get(PROOF_HEADER);
        long seconds = NOW.getEpochSecond();
        assertRefused(p, "GET", TARGET, with(headers, PROOF_HEADER, t.replace("t=" + seconds, "t=" + (seconds + 1))),
                "does not prove");
    }

    @Test
    void aProofSignedWithAnotherKeyIsRefused() {
        Map<String, String> headers = proof(KEY_B, NOW).sign(ALICE, "GET", TARGET);
        assertRefused(proof(KEY_A, NOW), "GET", TARGET, headers, "does not prove");
    }

    @Test
    void aForgedPrincipalWithoutProofIsRefused() {
        Map<String, String> headers = new HashMap<>(Map.of(PRINCIPAL_HEADER, "someone", ROLES_HEADER, "admin"));
        assertRefused(proof(KEY_A, NOW), "GET", TARGET, headers, "missing " + PROOF_HEADER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "t=1,v1=", "t=abc,v1=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "v1=AAAA,t=1",
            "t=1767268800,v1=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+", "t=1767268800,v1=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "t=1767268800 ,v1=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "t=99999999999999,v1=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void aMalformedProofIsRefused(String malformed) {
        Map<String, String> headers = proof(KEY_A, NOW).sign(ALICE, "GET", TARGET);
        assertRefused(proof(KEY_A, NOW), "GET", TARGET, with(headers, PROOF_HEADER, malformed), "malformed");
    }

    @Test
    void malformedRolesOrPrincipalAreRefused() {
        IdentityProof p = proof(KEY_A, NOW);
        Map<String, String> headers = p.sign(ALICE, "GET", TARGET);
        assertRefused(p, "GET", TARGET, with(headers, ROLES_HEADER, "Read\nadmin"), "malformed");
        assertRefused(p, "GET", TARGET, with(headers, PRINCIPAL_HEADER, ""), "missing");
    }

    @Test
    void rotationAcceptsTheCurrentAndPreviousKeysAndSignsWithTheCurrent() {
        Map<String, String> byOld = proof(KEY_A, NOW).sign(ALICE, "GET", TARGET);
        IdentityProof rotating = proof(KEY_B + "," + KEY_A, NOW);
        assertEquals(ALICE, verify(rotating, "GET", TARGET, byOld));
        Map<String, String> byNew = rotating.sign(ALICE, "GET", TARGET);
        assertEquals(ALICE, verify(proof(KEY_B, NOW), "GET", TARGET, byNew));
        assertRefused(proof(KEY_A, NOW), "GET", TARGET, byNew, "does not prove");
        // Once the old key is dropped, its proofs no longer count.
        assertRefused(proof(KEY_B, NOW), "GET", TARGET, byOld, "does not prove");
    }

    @Test
    void keysAreAtLeast32BytesOfBase64AndComeFromOneSetting() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[31]);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SigningKeys.parse(shortKey)).getMessage()
                .contains("31 bytes"));
        assertThrows(IllegalArgumentException.class, () -> SigningKeys.parse("not base64!"));
        assertThrows(IllegalArgumentException.class, () -> SigningKeys.parse(" , "));
        assertThrows(IllegalArgumentException.class, () -> SigningKeys.from(Optional.empty(), Optional.empty(), "k"));
        assertThrows(IllegalArgumentException.class, () -> SigningKeys.from(Optional.of(KEY_A), Optional.of("/f"), "k"));
        assertEquals("2 signing key(s)", SigningKeys.parse(KEY_A + "\n" + KEY_B + "\n").toString());
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[]{-5, -1, -2, 1, 2, 3, 4, 5, 6, 7,
                8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29});
        assertEquals("1 signing key(s)", SigningKeys.parse(urlSafe).toString());
    }

    @Test
    void onlyValidIdentitiesAreSigned() {
        assertThrows(IllegalArgumentException.class, () -> ForwardedIdentity.of("bad\nprincipal", "read"));
        assertThrows(IllegalArgumentException.class, () -> ForwardedIdentity.of("p", "Read"));
        assertThrows(IllegalArgumentException.class, () -> ForwardedIdentity.of("", "read"));
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new HashMap<>(headers);
        copy.put(name, value);
        return copy;
    }

    private static void assertRefused(IdentityProof verifier, String method, String target, Map<String, String> headers,
                                      String reason) {
        InvalidProofException e = assertThrows(InvalidProofException.class, () -> verify(verifier, method, target, headers));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
