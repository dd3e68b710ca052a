package io.nanopulse.fixtureok.domain;

import io.nanopulse.contracts.api.SubjectKey;

public record Rule(String name, SubjectKey subject) {
}
