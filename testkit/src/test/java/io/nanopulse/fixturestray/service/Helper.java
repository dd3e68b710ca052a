package io.nanopulse.fixturestray.service;

/** Violation: a class outside the template's packages. */
public class Helper {
}
