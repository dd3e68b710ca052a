package io.nanopulse.metrics.domain;

import io.nanopulse.contracts.PatentEvent;
import io.nanopulse.contracts.api.SubjectKey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a batch of validated events to the stored states of their patents and works out the counter
 * deltas. Every effect is a state transition that can happen once (a patent is filed once, granted once,
 * each deal eventId is recorded once, retracted once), so applying the same event again changes nothing:
 * redelivery never double counts.
 *
 * <p>Retractions subtract exactly what the patent or deal added. A retracted patent becomes a tombstone, final:
 * every later event of it (a resend, a redelivery, a new eventId) is ignored, so a replay of the topic in order
 * ends in the same state. A retracted deal's eventId is remembered, so that deal never counts again; the patent
 * stays licensed while another deal stands.
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
                // One more deal of a licensed patent is kept for retractions but changes no figure.
                if (!(e.type().isDeal() && before.licensed())) {
                    effective++;
                }
            }
        }
        return new Outcome(changed, deltas, effective);
    }

    private PatentState applyOne(PatentState s, PatentEvent e, CounterDeltas deltas) {
        if (s.retracted()) {
            return s; // a retraction is final
        }
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
                return base.withGrant(e.grantDate());
            }
            case PATENT_LICENSED, PATENT_TRANSFERRED -> {
                String id = e.eventId();
                if (s.hasDeal(id) || s.retractedDeals().contains(id) || s.deals().size() >= PatentState.MAX_DEALS) {
                    return s;
                }
                // Kept for retractions; counted only when it makes the patent licensed (a second deal does not).
                if (!s.licensed() && s.filed()) {
                    deltas.add(s.filing(), 0, 1, 0);
                }
                return s.withDeal(new Deal(id, e.effectiveDate()));
            }
            case PATENT_RETRACTED -> {
                if (s.filed()) {
                    deltas.add(s.filing(), -1, s.licensed() ? -1 : 0, s.granted() ? -1 : 0);
                }
                return PatentState.tombstone(s.patentId(), e.eventId());
            }
            case DEAL_RETRACTED -> {
                String id = e.dealEventId();
                if (s.retractedDeals().contains(id)) {
                    return s;
                }
                PatentState after = s.withoutDeal(id);
                if (s.licensed() && !after.licensed() && s.filed()) {
                    deltas.add(s.filing(), 0, -1, 0);
                }
                return after;
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
        return s.withFiling(filing);
    }
}
