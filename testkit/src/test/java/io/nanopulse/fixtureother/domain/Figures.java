package io.nanopulse.fixtureother.domain;

public record Figures(long filings) {
}
