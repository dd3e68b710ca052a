package io.nanopulse.fixturecycle.domain.rules;

import io.nanopulse.fixturecycle.domain.windows.Window;

/** Violation (with Window): two domain packages that need each other. */
public record Rule(Window window) {
}
