package io.nanopulse.fixtureok.application;

import io.nanopulse.fixtureok.domain.Rule;

public class CreateRule {
    private final RuleStore store;

    public CreateRule(RuleStore store) {
        this.store = store;
    }

    public Rule create(String name) {
        Rule rule = new Rule(name, io.nanopulse.contracts.api.SubjectKey.GLOBAL);
        store.save(rule);
        return rule;
    }
}
