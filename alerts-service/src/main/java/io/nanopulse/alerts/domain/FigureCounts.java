package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.Metric;

import java.util.List;

/**
 * The exact counts behind one subject's figures as metrics-service read them in one snapshot: filings, grants,
 * licensed, the world's filings (a share's denominator), and, for a subject with members (GLOBAL's countries, a
 * COUNTRY's sectors, a GROUP's members), each member's counts; {@code members} is null for other subjects.
 */
public record FigureCounts(long filings, long grants, long licensed, long globalFilings, List<Member> members) {

    public FigureCounts {
        members = members == null ? null : List.copyOf(members);
    }

    /** One member's counts. */
    public record Member(SubjectKind kind, String key, long filings, long grants, long licensed) {

        /** The count a metric's value rises with: filings (filings, share), grants, licensed (licensing rate). */
        public long numerator(Metric metric) {
            return FigureCounts.numerator(metric, filings, grants, licensed);
        }
    }

    /** Whether metrics-service splits a subject of this kind into members. */
    public static boolean hasMembers(SubjectKind kind) {
        return kind == SubjectKind.GLOBAL || kind == SubjectKind.COUNTRY || kind == SubjectKind.GROUP;
    }

    /** The count a metric's value rises with: filings (filings, share), grants, licensed (licensing rate). */
    public long numerator(Metric metric) {
        return numerator(metric, filings, grants, licensed);
    }

    /** What a ratio divides by: the world's filings (share), the subject's filings (licensing rate); null for counts. */
    public Long denominator(Metric metric) {
        return switch (metric) {
            case SHARE -> globalFilings;
            case LICENSING_RATE -> filings;
            case FILINGS, GRANTS -> null;
        };
    }

    private static long numerator(Metric metric, long filings, long grants, long licensed) {
        return switch (metric) {
            case FILINGS, SHARE -> filings;
            case GRANTS -> grants;
            case LICENSING_RATE -> licensed;
        };
    }
}
