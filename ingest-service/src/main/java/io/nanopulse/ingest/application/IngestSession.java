package io.nanopulse.ingest.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.nanopulse.contracts.EventValidator;
import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.PatentEvent;
import io.nanopulse.contracts.ValidationResult;
import io.nanopulse.contracts.api.ingest.IngestResult;
import io.nanopulse.ingest.domain.ItemPosition;
import io.nanopulse.ingest.domain.ItemSink;
import io.nanopulse.ingest.domain.RecentEventIds;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The intake of one request: validates each item with the contract's {@link EventValidator}, drops exact
 * eventId repeats, collects bounded error reports, and publishes valid events in chunks.
 *
 * <p>Streaming sessions (NDJSON, CSV) publish a chunk as soon as it is full and keep at most two chunks
 * unconfirmed, so memory stays bounded whatever the body length while parsing overlaps the broker's
 * round trip. Held sessions (a JSON array) publish nothing until {@link #finish()}, so a request that
 * turns out malformed halfway publishes nothing at all. Not thread-safe: one request, one thread.
 */
public final class IngestSession implements ItemSink {
    private static final int MAX_PENDING_CHUNKS = 2;

    private final EventValidator validator;
    private final EventPublisher publisher;
    private final IngestMetrics metrics;
    private final ItemPosition positions;
    private final boolean streaming;
    private final int chunkSize;
    private final int maxErrors;
    private final RecentEventIds seen;

    private final List<FieldError> errors = new ArrayList<>();
    private final Map<String, Long> rejectedByField = new HashMap<>();
    private final ArrayDeque<EventPublisher.PublishedChunk> pending = new ArrayDeque<>();
    private final List<List<PatentEvent>> held = new ArrayList<>();
    private List<PatentEvent> chunk;
    private long accepted;
    private long rejected;
    private long duplicates;
    private boolean errorsTruncated;
    private long reportedDuplicates;

    public IngestSession(EventValidator validator, EventPublisher publisher, IngestMetrics metrics,
                         ItemPosition positions, boolean streaming, int chunkSize, int maxErrors, int dedupeWindow) {
        this.validator = validator;
        this.publisher = publisher;
        this.metrics = metrics;
        this.positions = positions;
        this.streaming = streaming;
        this.chunkSize = Math.max(1, chunkSize);
        this.maxErrors = maxErrors;
        this.seen = new RecentEventIds(dedupeWindow);
        this.chunk = new ArrayList<>(this.chunkSize);
    }

    @Override
    public void offer(long position, JsonNode item) {
        offer(position, item, UnaryOperator.identity());
    }

    @Override
    public void offer(long position, JsonNode item, UnaryOperator<PatentEvent> complete) {
        ValidationResult result = validator.validate(item);
        if (result.isValid() && result.event().type().isRetraction()) {
            // Only admins retract, through POST /admin/retractions.
            result = ValidationResult.invalid(List.of(new FieldError("type", result.event().type()
                    + " is not accepted here; admins retract through POST /api/v1/admin/retractions")));
        }
        if (!result.isValid()) {
            String eventId = rawEventId(item);
            for (FieldError e : result.errors()) {
                addError(positions.place(e, position, eventId));
            }
            countRejected(result.errors().get(0).field());
            return;
        }
        PatentEvent event = complete.apply(result.event());
        if (!seen.add(event.eventId())) {
            duplicates++;
            return;
        }
        chunk.add(event);
        if (chunk.size() >= chunkSize) {
            closeChunk();
        }
    }

    @Override
    public void reject(long position, String eventId, String field, String reason) {
        addError(positions.error(position, eventId, field, reason));
        countRejected(field);
    }

    /** Publishes what is left and waits until Kafka confirmed everything of this request. */
    public IngestResult finish() {
        closeChunk();
        try {
            for (List<PatentEvent> events : held) {
                send(events);
            }
            held.clear();
            while (!pending.isEmpty()) {
                awaitOldest();
            }
        } finally {
            flushCounters();
        }
        return result();
    }

    /** Counts so far, for a request that fails midway. */
    public IngestResult result() {
        return new IngestResult(accepted, rejected, duplicates, List.copyOf(errors), errorsTruncated);
    }

    /** Stops a request that broke: waits for what was handed to Kafka so the counts stay exact. */
    public IngestResult abandon() {
        try {
            while (!pending.isEmpty()) {
                awaitOldest();
            }
        } catch (PublishFailedException e) {
            // The caller reports its own failure; the counts below include what was confirmed.
        } finally {
            flushCounters();
        }
        return result();
    }

    private void closeChunk() {
        if (chunk.isEmpty()) {
            return;
        }
        List<PatentEvent> full = chunk;
        chunk = new ArrayList<>(chunkSize);
        if (streaming) {
            send(full);
            flushCounters();
        } else {
            held.add(full);
        }
    }

    private void send(List<PatentEvent> events) {
        while (pending.size() >= MAX_PENDING_CHUNKS) {
            awaitOldest();
        }
        try {
            pending.addLast(publisher.publish(events));
        } catch (PublishFailedException e) {
            abandonPending();
            throw e.withAcknowledged(accepted);
        }
    }

    private void awaitOldest() {
        EventPublisher.PublishedChunk oldest = pending.removeFirst();
        try {
            int n = oldest.await();
            accepted += n;
            metrics.accepted(n);
        } catch (PublishFailedException e) {
            accepted += e.acknowledged();
            metrics.accepted(e.acknowledged());
            abandonPending();
            throw e.withAcknowledged(accepted);
        }
    }

    /** After a failure the younger chunks still count what Kafka confirmed of them. */
    private void abandonPending() {
        while (!pending.isEmpty()) {
            EventPublisher.PublishedChunk next = pending.removeFirst();
            try {
                int n = next.await();
                accepted += n;
                metrics.accepted(n);
            } catch (PublishFailedException e) {
                accepted += e.acknowledged();
                metrics.accepted(e.acknowledged());
            }
        }
    }

    private void addError(FieldError error) {
        if (errors.size() < maxErrors) {
            errors.add(error);
        } else {
            errorsTruncated = true;
        }
    }

    private void countRejected(String field) {
        rejected++;
        rejectedByField.merge(field, 1L, Long::sum);
    }

    private void flushCounters() {
        rejectedByField.forEach(metrics::rejected);
        rejectedByField.clear();
        if (duplicates > 0) {
            metrics.duplicates(duplicates - reportedDuplicates);
            reportedDuplicates = duplicates;
        }
    }

    /** The client's eventId as sent, for error reports; only when it is a short string. */
    private static String rawEventId(JsonNode item) {
        JsonNode id = item == null ? null : item.get("eventId");
        if (id == null || !id.isTextual()) {
            return null;
        }
        String text = id.asText();
        return text.length() <= EventValidator.MAX_EVENT_ID ? text : null;
    }
}
