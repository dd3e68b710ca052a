package io.nanopulse.metrics.application;

import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.Metric;
import io.nanopulse.contracts.api.Window;
import io.nanopulse.metrics.domain.Breakdown;
import io.nanopulse.metrics.domain.SplitTotals;
import io.nanopulse.metrics.domain.Totals;
import io.nanopulse.metrics.domain.WindowPlan;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Port: exact sums of the stored counters and patents. */
public interface FiguresSource {
    /** One subject's totals over a plan's periods. */
    Totals totals(SubjectKind kind, String key, WindowPlan plan) throws SQLException;

    /**
     * The global totals, one subject's and its members' along {@code breakdown} over a window, read in one
     * snapshot; a GROUP's totals are its members' sum.
     */
    SplitTotals split(SubjectKind kind, String key, Window window, Breakdown breakdown) throws SQLException;

    /**
     * The top {@code limit} subjects of a kind by {@code metric} (descending, ties by subject key) over a plan's
     * periods, in rank order; subjects without filings are left out. {@code keyPrefix} (e.g. "CN/") narrows
     * cities or sectors to one country.
     */
    Map<String, Totals> top(SubjectKind kind, String keyPrefix, WindowPlan plan, Metric metric, int limit) throws SQLException;

    /** Totals per period ('M' or 'Y') of one subject between two period starts, in order; periods without any are absent. */
    Map<LocalDate, Totals> series(SubjectKind kind, String key, char grain, LocalDate from, LocalDate to) throws SQLException;

    /** The summed totals of several subjects of one kind (a group's members) over a plan's periods. */
    Totals totals(SubjectKind kind, List<String> keys, WindowPlan plan) throws SQLException;

    /** {@link #series} of several subjects of one kind (a group's members), summed per period. */
    Map<LocalDate, Totals> series(SubjectKind kind, List<String> keys, char grain, LocalDate from, LocalDate to) throws SQLException;

    /**
     * The top {@code limit} groups by {@code metric} over a window, each summed over its members in one statement
     * (so one snapshot of the groups and the figures), ranked as {@link #top} ranks: the shared groups and those
     * {@code visibleTo} owns; every group when it is null.
     */
    Map<String, Totals> topGroups(Window window, Metric metric, int limit, String visibleTo) throws SQLException;

    /** Display names of institutions by id, where one is known. */
    Map<String, String> institutionNames(List<String> ids) throws SQLException;

    /** The running totals operators read, in one snapshot. */
    Progress progress() throws SQLException;

    /** The applied-events counter row alone. */
    AppliedEvents appliedEvents() throws SQLException;
}
