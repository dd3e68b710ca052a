package io.nanopulse.contracts.api.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An alias to add to an institution: a raw name, or a glob pattern with {@code *}. */
@Schema(name = "NewAlias", description = "An alias to add.")
public record NewAlias(@Schema(examples = "CAS Institute of *", required = true) String pattern) {
}
