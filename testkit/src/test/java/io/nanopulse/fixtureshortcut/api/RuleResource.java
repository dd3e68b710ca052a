package io.nanopulse.fixtureshortcut.api;

import io.nanopulse.fixtureshortcut.persistence.RuleTable;

/** Violation: a resource that writes to the database itself instead of calling a use case. */
public class RuleResource {
    public void create(String name) {
        new RuleTable().insert(name);
    }
}
