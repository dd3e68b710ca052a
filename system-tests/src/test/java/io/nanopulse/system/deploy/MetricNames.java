package io.nanopulse.system.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Metric names in a Prometheus exposition, and the ones a rules file or dashboard queries. */
final class MetricNames {
    /** Our services' metric families: the domain meters and the Micrometer binders the rules rely on. */
    private static final Pattern QUERIED = Pattern.compile(
            "\\b((?:nanopulse|kafka|jvm|process|http_server|hikaricp|agroal)_[a-z0-9_]+)\\b");

    private MetricNames() {
    }

    static Set<String> exported(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') end++;
            names.add(line.substring(0, end));
        }
        return names;
    }

    static Set<String> queried(String text) {
        Set<String> names = new TreeSet<>();
        var m = QUERIED.matcher(text);
        while (m.find()) names.add(m.group(1));
        return names;
    }
}
