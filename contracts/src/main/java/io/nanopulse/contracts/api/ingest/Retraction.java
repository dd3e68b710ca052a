package io.nanopulse.contracts.api.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nanopulse.contracts.PatentEvent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What ingest-service answers (202) to {@code POST /admin/retractions}: the retraction event it published on
 * {@code patent-events}. Its {@code eventId} is derived from what is taken back, so the same retraction sent
 * twice is the same event and changes nothing the second time.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Retraction", description = "The retraction event, durable in Kafka; figures drop once metrics-service "
        + "has applied it (within seconds).")
public record Retraction(
        @Schema(examples = "retraction-5b0c2a4e-3c1d-3f0e-9a8b-7c6d5e4f3a2b") String eventId,
        @Schema(examples = "PATENT_RETRACTED", enumeration = {"PATENT_RETRACTED", "DEAL_RETRACTED"}) String type,
        @Schema(examples = "CN115123456A") String patentId,
        @Schema(examples = "lic-0001") String dealEventId,
        @Schema(examples = "sent by mistake") String reason) {

    public static Retraction of(PatentEvent event) {
        return new Retraction(event.eventId(), event.type().name(), event.patentId(), event.dealEventId(), event.reason());
    }
}
