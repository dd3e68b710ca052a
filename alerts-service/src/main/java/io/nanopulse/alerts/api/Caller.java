package io.nanopulse.alerts.api;

import jakarta.enterprise.context.RequestScoped;

/** The owner of the current request: the principal the gateway authenticated. */
@RequestScoped
public class Caller {
    private String owner;

    public String owner() {
        if (owner == null) {
            throw new IllegalStateException("no principal on this request");
        }
        return owner;
    }

    void owner(String owner) {
        this.owner = owner;
    }
}
