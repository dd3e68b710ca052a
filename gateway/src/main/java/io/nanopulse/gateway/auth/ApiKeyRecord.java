package io.nanopulse.gateway.auth;

import java.util.Set;

/** What authentication needs to know about a key; cached, so it holds no secret. */
public record ApiKeyRecord(long id, String prefix, String principal, Set<String> roles, boolean revoked) {
}
