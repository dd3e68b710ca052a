package io.nanopulse.contracts.api.alerts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The subject a rule watches: a subject kind and its key (see {@link io.nanopulse.contracts.api.SubjectKey}). */
@Schema(name = "SubjectRef", description = "The subject a rule watches.")
public record SubjectRef(@Schema(examples = "COUNTRY") String kind, @Schema(examples = "CN") String key) {
}
