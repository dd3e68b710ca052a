package io.nanopulse.alerts.domain;

import java.util.Set;

/**
 * What a batch of metric-changes may have moved: rules on these subject refs, every share rule (and
 * every GLOBAL rule) when a global total changed, or every rule at all when a change could not be read
 * (the safe answer to "what changed?" is "possibly anything").
 */
public record ChangeSet(Set<String> subjectRefs, boolean globalChanged, boolean everything) {

    public boolean isEmpty() {
        return subjectRefs.isEmpty() && !globalChanged && !everything;
    }
}
