package io.nanopulse.alerts.api;

import io.nanopulse.alerts.domain.ChangeSpec;
import io.nanopulse.alerts.domain.CompareSpec;
import io.nanopulse.alerts.domain.RankSpec;
import io.nanopulse.alerts.domain.RuleSpec;
import io.nanopulse.alerts.domain.ThresholdSpec;
import io.nanopulse.contracts.api.SubjectKey;

/** A rule's kind-specific part as the flat members of the Rule body; the members of other kinds are null. */
record RuleFields(String condition, Double threshold, Double recoveryThreshold, String lookback, String direction,
                  Double amount, Boolean relative, Double recoveryAmount, String rankingKind, Integer top,
                  Integer recoveryTop, SubjectKey other, Double margin) {

    static RuleFields of(RuleSpec spec) {
        if (spec instanceof ThresholdSpec t) {
            return new RuleFields(t.condition().name(), t.threshold(), t.recoveryThreshold(), null, null, null, null,
                    null, null, null, null, null, null);
        }
        if (spec instanceof ChangeSpec c) {
            return new RuleFields(null, null, null, c.lookback().toString(), c.direction().name(), c.amount(),
                    c.relative(), c.recoveryAmount(), null, null, null, null, null);
        }
        if (spec instanceof CompareSpec c) {
            return new RuleFields(c.condition().name(), null, null, null, null, null, null, null, null, null, null,
                    c.other(), c.margin());
        }
        RankSpec r = (RankSpec) spec;
        if (r.watchesLeader()) {
            return new RuleFields(null, null, null, null, null, null, null, null, r.rankingKind().name(), null, null,
                    null, r.margin());
        }
        return new RuleFields(r.position().name(), null, null, null, null, null, null, null, r.rankingKind().name(),
                r.top(), r.recoveryTop(), null, null);
    }
}
