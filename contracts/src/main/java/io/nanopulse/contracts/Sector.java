package io.nanopulse.contracts;

/** Application sector of a nanotech patent (contract v1). */
public enum Sector {
    SEMICONDUCTORS, MATERIALS, BIOMEDICINE, ENERGY, CATALYSIS, ENVIRONMENT, OTHER
}
