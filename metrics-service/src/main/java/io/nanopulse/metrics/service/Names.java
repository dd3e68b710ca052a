package io.nanopulse.metrics.service;

import io.nanopulse.contracts.EventValidator;

import java.util.Locale;

/** The comparison form of names: trimmed, whitespace folded, case folded. */
public final class Names {
    private Names() {
    }

    public static String key(String name) {
        return name == null ? null : EventValidator.foldWhitespace(name).toLowerCase(Locale.ROOT);
    }
}
