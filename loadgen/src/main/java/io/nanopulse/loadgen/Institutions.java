package io.nanopulse.loadgen;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The calibrated holders and their aliases on a platform, set up so that running it again is harmless: a
 * missing holder is created with its aliases; an existing one gets every alias it lacks (an alias that exists
 * already answers 409, which is fine).
 */
final class Institutions {
    private Institutions() {
    }

    /** The aliases the demo registers for a holder: patterns for CAS, the raw names for the others. */
    static List<String> aliases(Calibration.Holder h) {
        return h.id().equals("cas") ? Calibration.CAS_ALIASES : new ArrayList<>(new LinkedHashSet<>(h.rawNames()));
    }

    static void register(Gateway admin) throws Exception {
        for (var h : Calibration.HOLDERS) {
            List<String> aliases = aliases(h);
            boolean created = admin.createInstitution(Map.of("id", h.id(), "displayName", h.displayName(), "country", h.country(),
                    "aliases", aliases));
            if (!created) {
                // It exists, or one of its aliases belongs to another institution: make sure it exists, then add each alias.
                admin.createInstitution(Map.of("id", h.id(), "displayName", h.displayName(), "country", h.country(), "aliases", List.of()));
                for (String alias : aliases) admin.addAlias(h.id(), alias);
            }
        }
    }
}
