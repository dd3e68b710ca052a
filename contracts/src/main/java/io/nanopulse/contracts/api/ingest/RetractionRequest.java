package io.nanopulse.contracts.api.ingest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an admin sends to {@code POST /admin/retractions}: a patent to take back with every event of it, or, with
 * {@code dealEventId}, one deal of it. ingest-service reads the body field by field (the contract's text rules
 * apply; other fields are refused); this record documents it.
 */
@Schema(name = "RetractionRequest", description = "A patent to take back (with all its events), or one deal of it by "
        + "the deal's eventId.")
public record RetractionRequest(
        @Schema(required = true, maxLength = 64, examples = "CN115123456A", description = "The patent, as in its events.")
        String patentId,
        @Schema(maxLength = 128, examples = "lic-0001",
                description = "The eventId of the PATENT_LICENSED or PATENT_TRANSFERRED event to take back; without it "
                        + "the whole patent is taken back.")
        String dealEventId,
        @Schema(required = true, minLength = 1, maxLength = 512, examples = "sent by mistake", description = "Why, for the record.")
        String reason) {
}
