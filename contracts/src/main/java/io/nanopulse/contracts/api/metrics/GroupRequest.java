package io.nanopulse.contracts.api.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A group to create ({@code POST /groups}) or its new members ({@code PUT /groups/{name}}, where {@code name}, if
 * given, must be the path's and {@code shared} cannot change).
 */
@Schema(name = "GroupRequest", description = "A group to create, or its new members.")
public record GroupRequest(@Schema(examples = "us-jp-kr", description = "Lower-case letters, digits and hyphens (1..63),"
                                   + " not starting with a hyphen; unique across all owners. Required to create.") String name,
                           @Schema(examples = "COUNTRY", required = true, enumeration = {"COUNTRY", "INSTITUTION"},
                                   description = "COUNTRY (ISO 3166-1 alpha-2 codes) or INSTITUTION (canonical ids, or"
                                           + " holder names as figures take them; each must name a known holder).") String memberKind,
                           @Schema(examples = "[\"US\",\"JP\",\"KR\"]", required = true,
                                   description = "1..200 distinct members of memberKind.") List<String> members,
                           @Schema(examples = "false", nullable = true, description = "A shared group (role admin);"
                                   + " default false: the group belongs to the caller.") Boolean shared) {
}
