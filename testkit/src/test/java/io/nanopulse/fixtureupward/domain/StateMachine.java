package io.nanopulse.fixtureupward.domain;

import io.nanopulse.fixtureupward.application.Transitions;

/** Violation: domain logic calling up into a use case. */
public class StateMachine {
    public void fire() {
        Transitions.record("FIRING");
    }
}
