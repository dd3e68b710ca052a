package io.nanopulse.alerts.api;

import io.nanopulse.alerts.domain.AlertRule;
import io.nanopulse.alerts.domain.AlertTransition;
import io.nanopulse.alerts.domain.DeliveryWithAttempts;
import io.nanopulse.alerts.domain.Page;
import io.nanopulse.alerts.domain.PublicLinks;
import io.nanopulse.alerts.domain.RuleDefinition;
import io.nanopulse.alerts.domain.RuleDraft;
import io.nanopulse.alerts.domain.RuleHistory;
import io.nanopulse.alerts.domain.RuleWithState;
import io.nanopulse.alerts.domain.SilenceDraft;
import io.nanopulse.alerts.domain.SubscriberEmail;
import io.nanopulse.alerts.domain.WebhookDelivery;
import io.nanopulse.contracts.api.SubjectKey;
import io.nanopulse.contracts.api.alerts.Delivery;
import io.nanopulse.contracts.api.alerts.DeliveryAttempt;
import io.nanopulse.contracts.api.alerts.DeliveryPage;
import io.nanopulse.contracts.api.alerts.Measurement;
import io.nanopulse.contracts.api.alerts.Rule;
import io.nanopulse.contracts.api.alerts.RulePage;
import io.nanopulse.contracts.api.alerts.RuleRequest;
import io.nanopulse.contracts.api.alerts.RuleState;
import io.nanopulse.contracts.api.alerts.Silence;
import io.nanopulse.contracts.api.alerts.SilencePage;
import io.nanopulse.contracts.api.alerts.SilenceRequest;
import io.nanopulse.contracts.api.alerts.SubjectRef;
import io.nanopulse.contracts.api.alerts.Subscriber;
import io.nanopulse.contracts.api.alerts.SubscriberPage;
import io.nanopulse.contracts.api.alerts.Transition;
import io.nanopulse.contracts.api.alerts.Webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Request bodies to domain drafts, domain objects to the public response bodies of contracts. */
final class ApiMapper {

    private ApiMapper() {
    }

    static RuleDraft draft(RuleRequest r) {
        SubjectRef subject = r.subject();
        SubjectRef other = r.other();
        return new RuleDraft(r.name(), subject == null ? null : subject.kind(), subject == null ? null : subject.key(),
                r.metric(), r.window(), r.condition(), r.threshold(), r.recoveryThreshold(), r.pendingFor(),
                r.repeatInterval(), r.labels(), r.kind(), r.lookback(), r.direction(), r.amount(), r.relative(),
                r.recoveryAmount(), r.rankingKind(), r.top(), r.recoveryTop(), other == null ? null : other.kind(),
                other == null ? null : other.key(), r.margin());
    }

    static SilenceDraft draft(SilenceRequest r) {
        return new SilenceDraft(r.ruleId(), r.subscriberId(), r.matchers(), r.startsAt(), r.endsAt(), r.comment());
    }

    /** {@code showSecret} only in the answers that create a secret (create, rotate-secret). */
    static Subscriber subscriber(io.nanopulse.alerts.domain.Subscriber s, boolean showSecret, PublicLinks links,
                                 SubscriberEmail email) {
        Webhook webhook = s.webhookUrl() == null ? null : new Webhook(s.webhookUrl(),
                s.webhookEnabled() ? "ENABLED" : "DISABLED", s.webhookDisabledReason(), s.webhookDisabledAt(),
                s.webhookFailingSince());
        return new Subscriber(s.id(), s.name(), webhook, links.stream(s.id()),
                showSecret ? s.secret() : null, s.previousSecretValidUntil(Instant.now()), s.createdAt(), s.updatedAt(),
                email == null ? null : email.address(), email == null ? null : email.confirmed(),
                email == null || email.digest() == null ? null : email.digest().toString());
    }

    static SubscriberPage subscribers(Page<io.nanopulse.alerts.domain.Subscriber> p, PublicLinks links,
                                      Map<UUID, SubscriberEmail> emails) {
        return new SubscriberPage(p.items().stream().map(s -> subscriber(s, false, links, emails.get(s.id()))).toList(),
                p.page(), p.size(), p.totalItems());
    }

    static Rule rule(RuleWithState rs) {
        AlertRule r = rs.rule();
        RuleDefinition d = r.definition();
        var s = rs.state();
        RuleFields f = RuleFields.of(d.spec());
        return new Rule(r.id(), r.subscriberId(), d.name(), ref(d.subject()), d.metric().apiName(), d.window(),
                f.condition(), f.threshold(), f.recoveryThreshold(), wholeSeconds(d.timing().pendingFor()),
                wholeSeconds(d.timing().repeatEvery()), d.labels(),
                r.revision(), s == null ? null : s.state().name(), s == null ? null : s.stateSince(), r.createdAt(),
                r.updatedAt(), d.kind().name(), f.lookback(), f.direction(), f.amount(), f.relative(), f.recoveryAmount(),
                f.rankingKind(), f.top(), f.recoveryTop(), ref(f.other()), f.margin());
    }

    private static SubjectRef ref(SubjectKey subject) {
        return subject == null ? null : new SubjectRef(subject.kind().name(), subject.key());
    }

    /** Durations are stored in whole seconds; the API shows what is stored. */
    private static String wholeSeconds(Duration d) {
        return d == null ? null : Duration.ofSeconds(d.toSeconds()).toString();
    }

    static RulePage rules(Page<RuleWithState> p) {
        return new RulePage(p.items().stream().map(ApiMapper::rule).toList(), p.page(), p.size(), p.totalItems());
    }

    static RuleState state(RuleHistory h) {
        var s = h.state();
        return new RuleState(s.ruleId(), s.state().name(), s.stateSince(), s.pendingSince(), s.lastValue(),
                s.lastEvaluatedAt(), s.lastNotifiedAt(), s.transitionCount(),
                h.recentTransitions().stream().map(ApiMapper::transition).toList(), measurement(s.lastMeasurement()));
    }

    static Transition transition(AlertTransition t) {
        return new Transition(t.id(), t.seq(), t.kind().name(), t.from().name(), t.to().name(), t.value(), t.threshold(),
                t.silencedBy(), t.occurredAt(), measurement(t.measurement()));
    }

    static Measurement measurement(io.nanopulse.alerts.domain.Measurement m) {
        return m == null ? null : new Measurement(m.asOf(), m.value(), m.otherAsOf(), m.otherValue(), m.change(),
                m.position(), m.leader(), m.previousLeader());
    }

    static Silence silence(io.nanopulse.alerts.domain.Silence s) {
        var scope = s.scope();
        return new Silence(s.id(), scope.ruleId(), scope.subscriberId(), scope.matchers(), scope.startsAt(),
                scope.endsAt(), s.comment(), s.activeAt(Instant.now()), s.createdAt());
    }

    static SilencePage silences(Page<io.nanopulse.alerts.domain.Silence> p) {
        return new SilencePage(p.items().stream().map(ApiMapper::silence).toList(), p.page(), p.size(), p.totalItems());
    }

    static Delivery delivery(DeliveryWithAttempts dw) {
        WebhookDelivery d = dw.delivery();
        return new Delivery(d.id(), d.webhookId(), d.ruleId(), d.transitionId(), d.eventType(), d.status().name(),
                d.attempts(), d.nextAttemptAt(), d.lastStatusCode(), d.lastError(), d.createdAt(), d.completedAt(),
                dw.attempts().stream().map(a -> new DeliveryAttempt(a.attemptedAt(), a.statusCode(), a.latencyMs(),
                        a.outcome(), a.error())).toList(), d.channel().name());
    }

    static DeliveryPage deliveries(Page<DeliveryWithAttempts> p) {
        return new DeliveryPage(p.items().stream().map(ApiMapper::delivery).toList(), p.page(), p.size(), p.totalItems());
    }
}
