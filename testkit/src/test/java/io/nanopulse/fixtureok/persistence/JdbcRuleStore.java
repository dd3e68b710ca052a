package io.nanopulse.fixtureok.persistence;

import io.nanopulse.fixtureok.application.RuleStore;
import io.nanopulse.fixtureok.domain.Rule;

public class JdbcRuleStore implements RuleStore {
    @Override
    public void save(Rule rule) {
    }
}
