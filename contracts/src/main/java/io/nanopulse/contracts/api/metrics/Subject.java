package io.nanopulse.contracts.api.metrics;

import io.nanopulse.contracts.SubjectKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a figure is about: a subject kind, its normalised key (see {@link io.nanopulse.contracts.api.SubjectKey})
 * and a name to show (an institution's display name or a raw name seen for it; the key for other kinds, a
 * group's name included).
 */
@Schema(name = "Subject", description = "What a figure is about.")
public record Subject(@Schema(examples = "COUNTRY", enumeration = {"GLOBAL", "COUNTRY", "INSTITUTION", "COUNTRY_SECTOR", "CITY", "GROUP"})
                      SubjectKind kind,
                      @Schema(examples = "CN") String key,
                      @Schema(examples = "CN") String name) {
}
