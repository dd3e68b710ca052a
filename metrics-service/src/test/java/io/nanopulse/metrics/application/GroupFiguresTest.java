package io.nanopulse.metrics.application;

import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.SubjectKey;
import io.nanopulse.contracts.api.Window;
import io.nanopulse.contracts.problem.ProblemException;
import io.nanopulse.metrics.domain.Breakdown;
import io.nanopulse.metrics.domain.Group;
import io.nanopulse.metrics.domain.SplitTotals;
import io.nanopulse.metrics.domain.Totals;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A group's figures come from the one-snapshot read alone (its sum and the world's total together), and a private
 * group is another principal's 404, worded as an unknown group's.
 */
class GroupFiguresTest {
    static final Group PRIVATE = new Group("mine", SubjectKind.COUNTRY, List.of("JP", "US"), "alice", Instant.EPOCH, Instant.EPOCH);
    static final Window ALL = Window.parse("ALL", LocalDate.of(2025, 1, 1));

    /** An implementation of {@code type} whose every method but {@code allowed} fails the test. */
    @SuppressWarnings("unchecked")
    static <T> T only(Class<T> type, String allowed, java.util.function.Function<Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            if (!method.getName().equals(allowed)) {
                throw new AssertionError(method.getName() + " read outside the one snapshot");
            }
            return answer.apply(args);
        });
    }

    static FiguresQueries queries() {
        var groups = new GroupAdmin();
        groups.store = only(GroupStore.class, "find", args -> Optional.of(PRIVATE).filter(g -> g.name().equals(args[0])));
        var queries = new FiguresQueries();
        queries.groups = groups;
        queries.source = only(FiguresSource.class, "split", args -> {
            assertEquals(Breakdown.ofGroup(SubjectKind.COUNTRY, List.of("JP", "US")), args[3]);
            return new SplitTotals(new Totals(40, 8, 20), new Totals(10, 3, 4),
                    Map.of("JP", new Totals(4, 1, 1), "US", new Totals(6, 2, 3)));
        });
        return queries;
    }

    @Test
    void aGroupsFiguresAndItsShareAreReadInOneSnapshot() throws Exception {
        var f = queries().figures(SubjectKey.of(SubjectKind.GROUP, "mine"), ALL, new GroupAdmin.Viewer("alice", false));
        assertEquals(10, f.filings());
        assertEquals(10, f.share().numerator());
        assertEquals(40, f.share().denominator());
        assertEquals(3, f.licensingRate().numerator());
    }

    @Test
    void aPrivateGroupIsVisibleToItsOwnerAndAdminsOnly() throws Exception {
        var q = queries();
        var admin = q.figures(SubjectKey.of(SubjectKind.GROUP, "mine"), ALL, new GroupAdmin.Viewer("root", true));
        assertEquals(10, admin.filings());
        var other = assertThrows(ProblemException.class,
                () -> q.figures(SubjectKey.of(SubjectKind.GROUP, "mine"), ALL, new GroupAdmin.Viewer("bob", false)));
        var unknown = assertThrows(ProblemException.class,
                () -> q.figures(SubjectKey.of(SubjectKind.GROUP, "nope"), ALL, new GroupAdmin.Viewer("bob", false)));
        assertEquals(404, other.problem().status());
        assertEquals(unknown.problem().detail().replace("nope", "mine"), other.problem().detail());
        assertEquals(unknown.problem().field(), other.problem().field());
    }
}
