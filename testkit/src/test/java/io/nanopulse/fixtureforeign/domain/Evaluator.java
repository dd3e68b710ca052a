package io.nanopulse.fixtureforeign.domain;

import io.nanopulse.fixtureother.domain.Figures;

/** Violation: one service importing another service's class. */
public class Evaluator {
    public boolean above(Figures f, long threshold) {
        return f.filings() > threshold;
    }
}
