package io.nanopulse.metrics.domain;

import io.nanopulse.contracts.api.SubjectKey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rolls raw institution names up to canonical holders. Aliases are exact names or glob patterns with
 * {@code *} (e.g. {@code inst of * cas}), compared in {@link SubjectKey#nameKey} form. Exact aliases win over
 * patterns; among patterns the longest (most specific) wins. An unmatched name is its own holder,
 * identified by its key.
 */
public final class InstitutionResolver {
    public record Alias(String institutionId, String pattern) {
    }

    private record Glob(String institutionId, Pattern regex, int specificity) {
    }

    private final Map<String, String> exact = new HashMap<>();
    private final List<Glob> globs;

    public InstitutionResolver(List<Alias> aliases) {
        var globs = new java.util.ArrayList<Glob>();
        for (Alias a : aliases) {
            String key = SubjectKey.nameKey(a.pattern());
            if (key.contains("*")) {
                globs.add(new Glob(a.institutionId(), toRegex(key), key.replace("*", "").length()));
            } else {
                exact.put(key, a.institutionId());
            }
        }
        globs.sort((x, y) -> Integer.compare(y.specificity(), x.specificity()));
        this.globs = List.copyOf(globs);
    }

    public static InstitutionResolver none() {
        return new InstitutionResolver(List.of());
    }

    private static Pattern toRegex(String glob) {
        var parts = java.util.Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote).toList();
        return Pattern.compile(String.join(".*", parts));
    }

    /** The canonical id for a name in key form. */
    public String resolve(String institutionKey) {
        String id = exact.get(institutionKey);
        if (id != null) {
            return id;
        }
        for (Glob g : globs) {
            if (g.regex().matcher(institutionKey).matches()) {
                return g.institutionId();
            }
        }
        return institutionKey;
    }
}
