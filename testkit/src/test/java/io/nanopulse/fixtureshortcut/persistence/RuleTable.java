package io.nanopulse.fixtureshortcut.persistence;

public class RuleTable {
    public void insert(String name) {
    }
}
