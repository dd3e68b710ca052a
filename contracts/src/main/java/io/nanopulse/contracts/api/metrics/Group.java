package io.nanopulse.contracts.api.metrics;

import io.nanopulse.contracts.SubjectKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A named set of countries or of institutions, usable as a subject ({@code kind=GROUP}, {@code key} its name):
 * its figures are the sums of its members' figures. {@code owner} is the principal that may change it, shown to
 * that principal and to admins (null for shared groups, which only admins change, and for other callers).
 */
@Schema(name = "Group", description = "A named set of countries or of institutions; a subject of kind GROUP.")
public record Group(@Schema(examples = "us-jp-kr") String name,
                    @Schema(examples = "COUNTRY", enumeration = {"COUNTRY", "INSTITUTION"},
                            description = "What the members are: COUNTRY codes or INSTITUTION ids.") SubjectKind memberKind,
                    @Schema(examples = "[\"JP\",\"KR\",\"US\"]",
                            description = "The members' normalised subject keys, sorted.") List<String> members,
                    @Schema(examples = "false", description = "Shared groups have no owner; only admins change them.") boolean shared,
                    @Schema(examples = "my-app", nullable = true,
                            description = "The owning principal: shown to it and to admins; null for shared groups and other callers.")
                    String owner,
                    @Schema(examples = "2026-12-05T10:15:30Z") Instant createdAt,
                    @Schema(examples = "2026-12-05T10:15:30Z") Instant updatedAt) {
}
