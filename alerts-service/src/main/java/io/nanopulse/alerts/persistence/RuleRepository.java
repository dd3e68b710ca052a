package io.nanopulse.alerts.persistence;

import io.nanopulse.alerts.application.port.RuleStore;
import io.nanopulse.alerts.domain.AlertRule;
import io.nanopulse.alerts.domain.Page;
import io.nanopulse.alerts.domain.RuleState;
import io.nanopulse.alerts.domain.RuleTarget;
import io.nanopulse.alerts.domain.RuleWithState;
import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.Metric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class RuleRepository implements RuleStore {

    @Override
    public void insert(AlertRule rule, RuleState initialState) {
        AlertRuleEntity r = new AlertRuleEntity();
        r.id = rule.id();
        r.set(rule);
        r.persist();
        RuleStateEntity s = new RuleStateEntity();
        s.ruleId = initialState.ruleId();
        s.set(initialState);
        s.persist();
    }

    @Override
    public void update(AlertRule rule) {
        AlertRuleEntity e = AlertRuleEntity.findById(rule.id());
        if (e == null) {
            throw new IllegalStateException("rule " + rule.id() + " is gone");
        }
        e.set(rule);
    }

    @Override
    public Optional<AlertRule> find(UUID id) {
        return AlertRuleEntity.<AlertRuleEntity>findByIdOptional(id).map(AlertRuleEntity::toDomain);
    }

    @Override
    public Optional<AlertRule> findOwned(UUID id, String owner) {
        return AlertRuleEntity.<AlertRuleEntity>find("id = ?1 and owner = ?2", id, owner).firstResultOptional()
                .map(AlertRuleEntity::toDomain);
    }

    @Override
    public Page<RuleWithState> page(String owner, UUID subscriberId, int page, int size) {
        var q = subscriberId == null
                ? AlertRuleEntity.<AlertRuleEntity>find("owner = ?1 order by createdAt, id", owner)
                : AlertRuleEntity.<AlertRuleEntity>find("owner = ?1 and subscriberId = ?2 order by createdAt, id", owner,
                subscriberId);
        q.page(page, size);
        List<AlertRuleEntity> rules = q.list();
        Map<UUID, RuleStateEntity> states = RuleStateEntity.<RuleStateEntity>list("ruleId in ?1",
                        rules.stream().map(r -> r.id).toList())
                .stream().collect(Collectors.toMap(s -> s.ruleId, Function.identity()));
        return new Page<>(rules.stream().map(r -> {
            RuleStateEntity s = states.get(r.id);
            return new RuleWithState(r.toDomain(), s == null ? null : s.toDomain());
        }).toList(), page, size, q.count());
    }

    @Override
    public void delete(UUID id) {
        AlertRuleEntity.deleteById(id);
    }

    @Override
    public Optional<RuleState> state(UUID ruleId) {
        return RuleStateEntity.<RuleStateEntity>findByIdOptional(ruleId).map(RuleStateEntity::toDomain);
    }

    @Override
    public Optional<RuleState> lockState(UUID ruleId) {
        return RuleStateEntity.<RuleStateEntity>findByIdOptional(ruleId, LockModeType.PESSIMISTIC_WRITE)
                .map(RuleStateEntity::toDomain);
    }

    @Override
    public void saveState(RuleState state) {
        RuleStateEntity e = RuleStateEntity.findById(state.ruleId());
        if (e == null) {
            throw new IllegalStateException("state of rule " + state.ruleId() + " is gone");
        }
        e.set(state);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<RuleTarget> targetsAffectedBy(String[] subjectRefs, boolean globalChanged) {
        // RANK and COMPARE rules and rules on groups depend on subjects a change does not name: every change may move them.
        // IN (SELECT unnest(...)): a hashed lookup per rule; "= ANY(:refs)" in a prepared (generic) plan compares
        // each rule with every one of a change's thousands of subjects.
        String sql = "SELECT * FROM alert_rule WHERE subject_ref IN (SELECT unnest(CAST(:refs AS text[])))"
                + " OR kind IN ('RANK', 'COMPARE') OR subject_kind = 'GROUP'"
                + (globalChanged ? " OR metric = :share OR subject_kind = :global" : "") + " ORDER BY id";
        var query = AlertRuleEntity.getEntityManager().createNativeQuery(sql, AlertRuleEntity.class)
                .setParameter("refs", subjectRefs);
        if (globalChanged) {
            query.setParameter("share", Metric.SHARE.name()).setParameter("global", SubjectKind.GLOBAL.name());
        }
        return ((List<AlertRuleEntity>) query.getResultList()).stream().map(AlertRuleEntity::toTarget).toList();
    }

    @Override
    public List<RuleTarget> targetsAfter(UUID after, int limit) {
        var q = after == null
                ? AlertRuleEntity.<AlertRuleEntity>find("order by id")
                : AlertRuleEntity.<AlertRuleEntity>find("id > ?1 order by id", after);
        return q.page(0, limit).list().stream().map(AlertRuleEntity::toTarget).toList();
    }

    @Override
    public Optional<RuleTarget> target(UUID ruleId) {
        return AlertRuleEntity.<AlertRuleEntity>find("id", ruleId).firstResultOptional().map(AlertRuleEntity::toTarget);
    }
}
