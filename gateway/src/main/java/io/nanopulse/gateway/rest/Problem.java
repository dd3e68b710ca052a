package io.nanopulse.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nanopulse.contracts.FieldError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * RFC 9457 problem details, the body of every gateway error. {@code service} names the downstream service
 * when it is the one that failed or is unreachable; {@code errors} names the offending fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(hidden = true)
public record Problem(
        @Schema(description = "URI identifying the kind of problem.", examples = "https://nanopulse.io/problems/unauthenticated")
        String type,
        @Schema(description = "Short summary of the kind of problem.", examples = "Unauthorized")
        String title,
        @Schema(description = "HTTP status code.", examples = "401")
        int status,
        @Schema(description = "What happened in this case.", examples = "a valid API key is required: Authorization: Bearer np_...")
        String detail,
        @Schema(description = "The downstream service concerned, for 502/503/504.", examples = "metrics")
        String service,
        @Schema(description = "Offending fields and why.")
        List<FieldErrorView> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(hidden = true)
    public record FieldErrorView(@Schema(examples = "size") String field, @Schema(examples = "must be within 1..200") String reason) {
        static FieldErrorView of(FieldError e) {
            return new FieldErrorView(e.field(), e.reason());
        }
    }
}
