package io.nanopulse.gateway.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The documented shapes of bodies the gateway passes through unchanged from the services (OpenAPI only:
 * the gateway never maps them, so a field a service adds reaches clients without a gateway release).
 */
public final class ApiSchemas {
    private ApiSchemas() {
    }

    @Schema(name = "Subject", description = "What a figure is about.")
    public record Subject(@Schema(examples = "COUNTRY", enumeration = {"GLOBAL", "COUNTRY", "INSTITUTION", "COUNTRY_SECTOR", "CITY"}) String kind,
                          @Schema(examples = "CN") String key,
                          @Schema(examples = "CN") String name) {
    }

    @Schema(name = "WindowRange", description = "The filing-date window a figure was computed for (inclusive).")
    public record WindowRange(@Schema(examples = "P12M") String spec, @Schema(examples = "2024-06-02") LocalDate from,
                              @Schema(examples = "2025-06-01") LocalDate to) {
    }

    @Schema(name = "Ratio", description = "numerator / denominator; value is null when the denominator is 0.")
    public record Ratio(@Schema(examples = "123") long numerator, @Schema(examples = "456") long denominator,
                        @Schema(examples = "0.26973684", nullable = true) Double value) {
    }

    @Schema(name = "Figures", description = "One subject's exact figures over one window.")
    public record Figures(Subject subject, WindowRange window, @Schema(examples = "2025-06-01") LocalDate asOf,
                          @Schema(examples = "123") long filings, @Schema(examples = "10") long grants,
                          @Schema(examples = "12") long licensed, Ratio share, Ratio licensingRate) {
    }

    @Schema(name = "FigureQuery", description = "One query of a batch.")
    public record FigureQuery(@Schema(examples = "COUNTRY", required = true) String kind, @Schema(examples = "CN") String key,
                              @Schema(examples = "P12M") String window, @Schema(examples = "2025-06-01") String asOf) {
    }

    @Schema(name = "FiguresBatchRequest", description = "Up to 1000 figure queries answered in one call.")
    public record FiguresBatchRequest(@Schema(maxItems = 1000, required = true) List<FigureQuery> queries) {
    }

    @Schema(name = "FiguresBatch", description = "The answers of a batch, in query order.")
    public record FiguresBatch(List<Figures> results) {
    }

    @Schema(name = "Ranking", description = "Top subjects of a kind by a metric (the list is bounded by limit).")
    public record Ranking(@Schema(examples = "COUNTRY") String kind, @Schema(examples = "share") String metric,
                          WindowRange window, @Schema(examples = "2025-06-01") LocalDate asOf,
                          @Schema(examples = "456") long globalFilings, List<Figures> entries) {
    }

    @Schema(name = "SeriesPoint", description = "One year or month of a time series.")
    public record SeriesPoint(@Schema(examples = "2024-01-01") LocalDate period, @Schema(examples = "120") long filings,
                              @Schema(examples = "400") long globalFilings, Ratio share,
                              @Schema(examples = "9") long licensed, @Schema(examples = "5") long grants) {
    }

    @Schema(name = "Series", description = "A subject's figures per period (at most 1200 points).")
    public record Series(Subject subject, @Schema(examples = "YEAR", enumeration = {"YEAR", "MONTH"}) String interval,
                         List<SeriesPoint> points) {
    }

    @Schema(name = "Alias", description = "A name or glob pattern (with *) belonging to an institution.")
    public record Alias(@Schema(examples = "7") long id, @Schema(examples = "Chinese Academy of Sciences*") String pattern) {
    }

    @Schema(name = "Institution", description = "A canonical institution and its aliases.")
    public record Institution(@Schema(examples = "cas") String id, @Schema(examples = "Chinese Academy of Sciences") String displayName,
                              @Schema(examples = "CN") String country, List<Alias> aliases) {
    }

    @Schema(name = "InstitutionPage", description = "One page of institutions; page counts from 0.")
    public record InstitutionPage(List<Institution> items, @Schema(examples = "0") int page,
                                  @Schema(examples = "50") int size, @Schema(examples = "3") long total) {
    }

    @Schema(name = "NewInstitution", description = "An institution to create.")
    public record NewInstitution(@Schema(examples = "cas", required = true) String id,
                                 @Schema(examples = "Chinese Academy of Sciences", required = true) String displayName,
                                 @Schema(examples = "CN", required = true) String country,
                                 @Schema(examples = "[\"Chinese Academy of Sciences*\"]") List<String> aliases) {
    }

    @Schema(name = "NewAlias", description = "An alias to add.")
    public record NewAlias(@Schema(examples = "CAS Institute of *", required = true) String pattern) {
    }

    @Schema(name = "InstitutionChange", description = "An institution after a change, and how many patents moved to or from it.")
    public record InstitutionChange(Institution institution, @Schema(examples = "42") int patentsReassigned) {
    }

    @Schema(name = "Reassigned", description = "How many patents moved when an institution was deleted.")
    public record Reassigned(@Schema(examples = "42") int patentsReassigned) {
    }

    @Schema(name = "NormalisedName", description = "The key form a raw name compares in.")
    public record NormalisedName(@Schema(examples = "Chinese Academy of Sciences") String name,
                                 @Schema(examples = "chinese academy of sciences") String key) {
    }

    @Schema(name = "Rebuilt", description = "Outcome of a full aggregate rebuild.")
    public record Rebuilt(@Schema(examples = "true") boolean rebuilt, @Schema(examples = "1234") long millis) {
    }

    @Schema(name = "ItemError", description = "One refused event or CSV row.")
    public record ItemError(@Schema(examples = "3") Long index, @Schema(examples = "17") Long line,
                            @Schema(examples = "evt-42") String eventId, @Schema(examples = "country") String field,
                            @Schema(examples = "must be an ISO 3166-1 alpha-2 code") String reason) {
    }

    @Schema(name = "IngestResult", description = "What an intake did: accepted events are durable in Kafka.")
    public record IngestResult(@Schema(examples = "998") long accepted, @Schema(examples = "1") long rejected,
                               @Schema(examples = "1") long duplicates, List<ItemError> errors,
                               @Schema(examples = "false") boolean errorsTruncated) {
    }

    @Schema(name = "SubscriberRequest", description = "Create or replace a subscriber; webhookUrl is optional (stream-only).")
    public record SubscriberRequest(@Schema(examples = "ops team", required = true, maxLength = 200) String name,
                                    @Schema(examples = "https://hooks.example.org/nanopulse", maxLength = 2048) String webhookUrl) {
    }

    @Schema(name = "Webhook", description = "A subscriber's webhook endpoint and its state.")
    public record Webhook(@Schema(examples = "https://hooks.example.org/nanopulse") String url,
                          @Schema(examples = "ENABLED", enumeration = {"ENABLED", "DISABLED"}) String status,
                          String disabledReason, Instant disabledAt, Instant failingSince) {
    }

    @Schema(name = "Subscriber", description = "A subscriber; secret (whsec_...) appears only in the answer that created it.")
    public record Subscriber(@Schema(examples = "0b9d5f1e-8f5a-4d7e-9a57-3f0b7a2c9e11") String id,
                             @Schema(examples = "ops team") String name, Webhook webhook,
                             @Schema(examples = "/subscribers/0b9d5f1e-8f5a-4d7e-9a57-3f0b7a2c9e11/stream") String streamUrl,
                             @Schema(examples = "whsec_MfKQ9r8GKYqrTwJzuyk8", nullable = true) String secret,
                             Instant previousSecretValidUntil, Instant createdAt, Instant updatedAt) {
    }

    @Schema(name = "SubscriberPage", description = "One page of the caller's subscribers.")
    public record SubscriberPage(List<Subscriber> items, @Schema(examples = "0") int page, @Schema(examples = "50") int size,
                                 @Schema(examples = "1") long totalItems) {
    }

    @Schema(name = "SubjectRef", description = "The subject a rule watches.")
    public record SubjectRef(@Schema(examples = "COUNTRY") String kind, @Schema(examples = "CN") String key) {
    }

    @Schema(name = "RuleRequest", description = "A threshold rule on one subject's metric.")
    public record RuleRequest(@Schema(examples = "0b9d5f1e-8f5a-4d7e-9a57-3f0b7a2c9e11", required = true) String subscriberId,
                              @Schema(examples = "CN share above 40%", required = true) String name,
                              SubjectRef subject, @Schema(examples = "share") String metric,
                              @Schema(examples = "P12M") String window, @Schema(examples = "ABOVE") String condition,
                              @Schema(examples = "0.4") Double threshold, @Schema(examples = "0.38") Double recoveryThreshold,
                              @Schema(examples = "PT10M") String pendingFor, @Schema(examples = "PT24H") String repeatInterval,
                              Map<String, String> labels) {
    }

    @Schema(name = "Rule", description = "A rule and its current state.")
    public record Rule(String id, String subscriberId, String name, SubjectRef subject, String metric, String window,
                       String condition, double threshold, Double recoveryThreshold, String pendingFor,
                       String repeatInterval, Map<String, String> labels, int revision,
                       @Schema(examples = "FIRING") String state, Instant stateSince, Instant createdAt, Instant updatedAt) {
    }

    @Schema(name = "RulePage", description = "One page of the caller's rules.")
    public record RulePage(List<Rule> items, int page, int size, long totalItems) {
    }

    @Schema(name = "Transition", description = "One step of a rule's state machine.")
    public record Transition(String id, long seq, @Schema(examples = "FIRING") String kind, String from, String to,
                             Double value, double threshold, String silencedBy, Instant at) {
    }

    @Schema(name = "RuleState", description = "The durable state of a rule and its latest transitions (newest first).")
    public record RuleState(String ruleId, @Schema(examples = "FIRING") String state, Instant since, Instant pendingSince,
                            Double lastValue, Instant lastEvaluatedAt, Instant lastNotifiedAt, long transitionCount,
                            List<Transition> recentTransitions) {
    }

    @Schema(name = "SilenceRequest", description = "Mute a rule, a subscriber and/or rules with all given labels until endsAt.")
    public record SilenceRequest(String ruleId, String subscriberId, Map<String, String> matchers, Instant startsAt,
                                 @Schema(required = true, examples = "2030-01-01T00:00:00Z") Instant endsAt,
                                 @Schema(maxLength = 500) String comment) {
    }

    @Schema(name = "Silence", description = "A silence.")
    public record Silence(String id, String ruleId, String subscriberId, Map<String, String> matchers, Instant startsAt,
                          Instant endsAt, String comment, boolean active, Instant createdAt) {
    }

    @Schema(name = "SilencePage", description = "One page of the caller's silences.")
    public record SilencePage(List<Silence> items, int page, int size, long totalItems) {
    }

    @Schema(name = "DeliveryAttempt", description = "One attempt to deliver a webhook.")
    public record DeliveryAttempt(Instant at, Integer statusCode, long latencyMs, String outcome, String error) {
    }

    @Schema(name = "Delivery", description = "A webhook delivery and its attempt log.")
    public record Delivery(String id, String webhookId, String ruleId, String transitionId, String eventType,
                           @Schema(examples = "DELIVERED", enumeration = {"PENDING", "DELIVERED", "FAILED"}) String status,
                           int attempts, Instant nextAttemptAt, Integer lastStatusCode, String lastError,
                           Instant createdAt, Instant completedAt, List<DeliveryAttempt> attemptLog) {
    }

    @Schema(name = "DeliveryPage", description = "One page of a subscriber's deliveries, newest first.")
    public record DeliveryPage(List<Delivery> items, int page, int size, long totalItems) {
    }
}
