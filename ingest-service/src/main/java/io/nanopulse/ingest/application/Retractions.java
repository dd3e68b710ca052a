package io.nanopulse.ingest.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nanopulse.contracts.EventType;
import io.nanopulse.contracts.EventValidator;
import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.PatentEvent;
import io.nanopulse.contracts.ValidationResult;
import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemException;
import io.nanopulse.ingest.domain.ItemSink;
import io.nanopulse.ingest.domain.JsonBatchReader;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * An admin takes back a patent (every event of it) or one deal: the request becomes a {@code PATENT_RETRACTED} or
 * {@code DEAL_RETRACTED} event, validated by the contract's rules and published on {@code patent-events} like any
 * event (same producer, acks=all, idempotent). Its eventId is derived from what is taken back, so sending the same
 * retraction twice publishes the same event, which metrics-service applies once.
 */
@ApplicationScoped
public class Retractions {
    private static final Set<String> FIELDS = Set.of("patentId", "dealEventId", "reason");
    /** A retraction is a few hundred bytes. */
    private static final long MAX_BODY = 16 * 1024;

    private final EventValidator validator = new EventValidator();
    private final EventPublisher publisher;

    public Retractions(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * @param body one JSON object: {@code patentId}, {@code reason} and, for one deal, {@code dealEventId}
     * @return the published retraction, acknowledged by Kafka
     * @throws io.nanopulse.ingest.domain.MalformedRequestException a body that is not JSON, empty or too large
     * @throws ProblemException                                      400 naming each refused field
     * @throws PublishFailedException                                when Kafka did not take it
     */
    public PatentEvent retract(InputStream body) throws IOException {
        var read = new OneItem();
        JsonBatchReader.oneObject(MAX_BODY).read(body, read);
        return retract(read.item);
    }

    private PatentEvent retract(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid("$", "must be a JSON object with patentId, reason and, for one deal, dealEventId");
        }
        var errors = new ArrayList<FieldError>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name.length() > 64 ? name.substring(0, 64) + "…" : name,
                        "unknown field; expected patentId, dealEventId, reason"));
            }
        }
        JsonNode deal = body.get("dealEventId");
        EventType type = deal == null || deal.isNull() ? EventType.PATENT_RETRACTED : EventType.DEAL_RETRACTED;
        ObjectNode event = ((ObjectNode) body).deepCopy().put("type", type.name()).put("eventId", "retraction");
        ValidationResult result = validator.validate(event);
        errors.addAll(result.errors());
        if (!errors.isEmpty()) {
            Problem problem = Problem.invalid(errors);
            throw new ProblemException(errors.size() == 1 ? problem.withField(errors.get(0).field()) : problem);
        }
        PatentEvent retraction = result.event().withEventId(eventId(result.event()));
        publisher.publish(List.of(retraction)).await();
        return retraction;
    }

    /** The same target, the same id: {@code retraction-} + a name-based UUID of type, patent and deal. */
    static String eventId(PatentEvent e) {
        String target = e.type() + "\n" + e.patentId() + "\n" + (e.dealEventId() == null ? "" : e.dealEventId());
        return "retraction-" + UUID.nameUUIDFromBytes(target.getBytes(StandardCharsets.UTF_8));
    }

    /** Keeps the one item the reader parsed. */
    private static final class OneItem implements ItemSink {
        JsonNode item;

        @Override
        public void offer(long position, JsonNode node) {
            if (position > 0) {
                throw ProblemException.invalid("$", "one retraction per request, as a JSON object");
            }
            item = node;
        }

        @Override
        public void offer(long position, JsonNode node, UnaryOperator<PatentEvent> complete) {
            offer(position, node);
        }

        @Override
        public void reject(long position, String eventId, String field, String reason) {
            throw ProblemException.invalid(field, reason);
        }
    }
}
