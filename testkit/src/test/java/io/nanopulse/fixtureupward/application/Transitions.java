package io.nanopulse.fixtureupward.application;

public class Transitions {
    public static void record(String what) {
    }
}
