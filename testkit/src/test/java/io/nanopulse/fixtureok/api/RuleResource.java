package io.nanopulse.fixtureok.api;

import io.nanopulse.contracts.api.Metric;
import io.nanopulse.fixtureok.application.CreateRule;

public class RuleResource {
    private final CreateRule createRule;

    public RuleResource(CreateRule createRule) {
        this.createRule = createRule;
    }

    public String create(String name) {
        return createRule.create(name + Metric.SHARE.apiName()).name();
    }
}
