package io.nanopulse.fixturecycle.domain.windows;

import io.nanopulse.fixturecycle.domain.rules.Rule;

public record Window(String spec) {
    public boolean covers(Rule rule) {
        return rule.window() == this;
    }
}
