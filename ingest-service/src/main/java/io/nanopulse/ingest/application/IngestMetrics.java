package io.nanopulse.ingest.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Intake counters: accepted (Kafka confirmed), rejected by the first failing field, duplicates dropped. */
public final class IngestMetrics {
    /** Field names come from the validator; anything else is folded so the tag cannot explode. */
    private static final Pattern FIELD_TAG = Pattern.compile("[A-Za-z$]{1,32}");

    private final MeterRegistry registry;
    private final Counter accepted;
    private final Counter duplicates;
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = Counter.builder("nanopulse.ingest.events.accepted")
                .description("Events Kafka acknowledged").register(registry);
        this.duplicates = Counter.builder("nanopulse.ingest.events.duplicates")
                .description("Exact eventId repeats dropped within one request").register(registry);
    }

    public void accepted(long n) {
        accepted.increment(n);
    }

    public void duplicates(long n) {
        duplicates.increment(n);
    }

    public void rejected(String field, long n) {
        String tag = field != null && FIELD_TAG.matcher(field).matches() ? field : "other";
        rejected.computeIfAbsent(tag, f -> Counter.builder("nanopulse.ingest.events.rejected")
                .description("Events refused by validation, by the first failing field")
                .tag("field", f).register(registry)).increment(n);
    }
}
