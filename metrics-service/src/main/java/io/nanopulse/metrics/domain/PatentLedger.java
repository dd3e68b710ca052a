package io.nanopulse.metrics.domain;

import io.nanopulse.contracts.PatentEvent;
import io.nanopulse.contracts.api.SubjectKey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a batch of validated events to the stored states of their patents and works out the counter
 * deltas. Every effect is a state transition that can happen once (a patent is filed once, licensed
 * once, granted once), so applying the same event again changes nothing: redelivery never double counts.
 */
public final class PatentLedger {

    /** The states that changed and the counter additions they cause. */
    public record Outcome(Map<String, PatentState> changed, CounterDeltas deltas, int eventsWithEffect) {
    }

    private final InstitutionResolver institutions;

    public PatentLedger(InstitutionResolver institutions) {
        this.institutions = institutions;
    }

    /**
     * @param events in arrival order (per patent, Kafka keeps that order)
     * @param stored current state of every patent the events name (an empty state where none is stored)
     */
    public Outcome apply(List<PatentEvent> events, Map<String, PatentState> stored) {
        Map<String, PatentState> current = new LinkedHashMap<>(stored);
        Map<String, PatentState> changed = new LinkedHashMap<>();
        CounterDeltas deltas = new CounterDeltas();
        int effective = 0;
        for (PatentEvent e : events) {
            PatentState before = current.getOrDefault(e.patentId(), PatentState.empty(e.patentId()));
            PatentState after = applyOne(before, e, deltas);
            if (after != before) {
                current.put(e.patentId(), after);
                changed.put(e.patentId(), after);
                effective++;
            }
        }
        return new Outcome(changed, deltas, effective);
    }

    private PatentState applyOne(PatentState s, PatentEvent e, CounterDeltas deltas) {
        switch (e.type()) {
            case PATENT_FILED -> {
                return s.filed() ? s : file(s, e, deltas);
            }
            case PATENT_GRANTED -> {
                PatentState base = s;
                // A grant that carries the full owner fields also files a patent not seen yet.
                if (!s.filed() && hasOwnerFields(e)) {
                    base = file(s, e, deltas);
                }
                if (base.granted()) {
                    return base;
                }
                if (base.filed()) {
                    deltas.add(base.filing(), 0, 0, 1);
                }
                return new PatentState(base.patentId(), base.filing(), e.grantDate(), base.firstDealDate());
            }
            case PATENT_LICENSED, PATENT_TRANSFERRED -> {
                if (s.licensed()) {
                    return s; // a second deal on the same patent does not count again
                }
                if (s.filed()) {
                    deltas.add(s.filing(), 0, 1, 0);
                }
                return new PatentState(s.patentId(), s.filing(), s.grantDate(), e.effectiveDate());
            }
            default -> throw new IllegalArgumentException("unknown type " + e.type());
        }
    }

    private static boolean hasOwnerFields(PatentEvent e) {
        return e.country() != null && e.institution() != null && e.sector() != null && e.filingDate() != null;
    }

    private PatentState file(PatentState s, PatentEvent e, CounterDeltas deltas) {
        String institutionKey = SubjectKey.nameKey(e.institution());
        Filing filing = new Filing(e.eventId(), e.country(), e.institution(), institutionKey,
                institutions.resolve(institutionKey), e.sector(), e.city(), SubjectKey.nameKey(e.city()), e.filingDate());
        // Deals and grants parked before the filing count now.
        deltas.add(filing, 1, s.licensed() ? 1 : 0, s.granted() ? 1 : 0);
        return new PatentState(s.patentId(), filing, s.grantDate(), s.firstDealDate());
    }
}
