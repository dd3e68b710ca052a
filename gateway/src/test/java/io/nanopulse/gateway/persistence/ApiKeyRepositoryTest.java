package io.nanopulse.gateway.persistence;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which key-store failures answer 503 (try again) rather than 500. */
class ApiKeyRepositoryTest {

    @Test
    void aDatabaseThatIsDownStartingOrFullIsUnavailable() {
        assertTrue(ApiKeyRepository.unavailable("08001"), "connection refused");
        assertTrue(ApiKeyRepository.unavailable("08006"), "connection failure");
        assertTrue(ApiKeyRepository.unavailable("57P03"), "the database system is starting up");
        assertTrue(ApiKeyRepository.unavailable("57P01"), "admin shutdown");
        assertTrue(ApiKeyRepository.unavailable("53300"), "too many connections");
        assertTrue(ApiKeyRepository.unavailable(null), "no answer");
    }

    @Test
    void aWrongQueryIsNot() {
        assertFalse(ApiKeyRepository.unavailable("42P01"), "undefined table");
        assertFalse(ApiKeyRepository.unavailable("22001"), "value too long");
    }
}
