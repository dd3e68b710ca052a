package io.nanopulse.contracts.api.metrics;

import io.nanopulse.contracts.SubjectKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One member's part of a subject's figures over the same window (a country's sector, a group's member, the world's
 * country): its filings, and how many of them are granted and licensed.
 */
@Schema(name = "Contribution", description = "One member's part of a subject's figures over the same window.")
public record Contribution(@Schema(examples = "COUNTRY_SECTOR", enumeration = {"COUNTRY", "INSTITUTION", "COUNTRY_SECTOR"})
                           SubjectKind kind,
                           @Schema(examples = "CN/MATERIALS") String key,
                           @Schema(examples = "58") long filings,
                           @Schema(examples = "4") long grants,
                           @Schema(examples = "6") long licensed) {
}
