package io.nanopulse.fixtureok.application;

import io.nanopulse.fixtureok.domain.Rule;

public interface RuleStore {
    void save(Rule rule);
}
