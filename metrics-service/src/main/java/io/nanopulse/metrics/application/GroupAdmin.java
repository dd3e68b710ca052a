package io.nanopulse.metrics.application;

import io.nanopulse.contracts.FieldError;
import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.SubjectKey;
import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemException;
import io.nanopulse.contracts.problem.ProblemType;
import io.nanopulse.metrics.domain.Group;
import io.nanopulse.metrics.domain.InstitutionResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Groups: named sets of countries or of institutions that figures, rankings and rules take as subjects. A caller
 * sees and uses the shared groups and its own (an admin every group); any other is answered exactly as an unknown
 * name (404). An owner changes its own, an admin any and the shared ones. Names are unique across owners.
 */
@ApplicationScoped
public class GroupAdmin {
    @Inject
    GroupStore store;
    @Inject
    InstitutionDirectory institutions;
    @Inject
    Event<AggregatesChanged> changed;

    /** What a caller may do: its principal, and whether it is an admin. */
    public record Editor(String principal, boolean admin) {
    }

    /** Who reads groups: its principal, and whether it is an admin (who sees every group). */
    public record Viewer(String principal, boolean admin) {
        /** The principal whose own groups (and the shared ones) it sees; null: every group. */
        String visibleTo() {
            return admin ? null : principal;
        }

        boolean sees(Group group) {
            return group.visibleTo(principal, admin);
        }
    }

    public List<Group> list(Viewer viewer, int page, int size) throws SQLException {
        return store.page(page, size, viewer.visibleTo());
    }

    public long count(Viewer viewer) throws SQLException {
        return store.count(viewer.visibleTo());
    }

    public Group get(Viewer viewer, String name) throws SQLException {
        return store.find(pathName(name)).filter(viewer::sees)
                .orElseThrow(() -> ProblemException.notFound("no group '" + name + "'"));
    }

    /** The group a subject key names, if {@code viewer} sees it; otherwise a 404 naming {@code key}. */
    public Group require(Viewer viewer, String key) throws SQLException {
        return store.find(key).filter(viewer::sees).orElseThrow(() -> unknown("key", key));
    }

    /** 404 naming the parameter that names no group (a batch re-names it after its query). */
    public static ProblemException unknown(String field, String name) {
        String reason = "no group '" + name + "'";
        return new ProblemException(Problem.of(ProblemType.NOT_FOUND, field + ": " + reason).withField(field)
                .withErrors(List.of(new FieldError(field, reason))));
    }

    @Transactional
    public Group create(Editor editor, String rawName, String memberKind, List<String> members, Boolean shared)
            throws SQLException {
        if (rawName == null || rawName.isBlank()) {
            throw ProblemException.invalid("name", "is required");
        }
        String name = name(rawName);
        boolean isShared = Boolean.TRUE.equals(shared);
        if (isShared && !editor.admin()) {
            throw new ProblemException(Problem.of(ProblemType.FORBIDDEN, "a shared group needs the role admin"));
        }
        SubjectKind kind = memberKind(memberKind);
        List<String> keys = members(kind, members);
        String owner = isShared ? null : editor.principal();
        if (store.find(name).isPresent()) {
            throw taken(name);
        }
        if (store.countOwnedBy(owner) >= Group.MAX_PER_OWNER) {
            throw ProblemException.conflict((isShared ? "there are" : "you have") + " " + Group.MAX_PER_OWNER
                    + (isShared ? " shared groups" : " groups") + " already, the most allowed; delete one first");
        }
        if (!store.create(name, kind, keys, owner)) {
            throw taken(name);
        }
        changed.fire(new AggregatesChanged());
        return store.find(name).orElseThrow();
    }

    /** Replaces the members; the name (if given) must be the path's and {@code shared} cannot change. */
    @Transactional
    public Group update(Editor editor, String pathName, String bodyName, String memberKind, List<String> members,
                        Boolean shared) throws SQLException {
        String name = pathName(pathName);
        Group group = store.lock(name).filter(g -> g.visibleTo(editor.principal(), editor.admin()))
                .orElseThrow(() -> ProblemException.notFound("no group '" + pathName + "'"));
        checkChangeable(editor, group);
        if (bodyName != null && !bodyName.isBlank() && !name(bodyName).equals(name)) {
            throw ProblemException.invalid("name", "is the path's group '" + name + "'; a group cannot be renamed");
        }
        if (shared != null && shared != group.shared()) {
            throw ProblemException.invalid("shared", "is fixed when the group is created");
        }
        SubjectKind kind = memberKind(memberKind);
        store.replaceMembers(name, kind, members(kind, members));
        changed.fire(new AggregatesChanged());
        return store.find(name).orElseThrow();
    }

    @Transactional
    public void delete(Editor editor, String pathName) throws SQLException {
        String name = pathName(pathName);
        Group group = store.lock(name).filter(g -> g.visibleTo(editor.principal(), editor.admin()))
                .orElseThrow(() -> ProblemException.notFound("no group '" + pathName + "'"));
        checkChangeable(editor, group);
        store.delete(name);
        changed.fire(new AggregatesChanged());
    }

    private static void checkChangeable(Editor editor, Group group) {
        if (!group.changeableBy(editor.principal(), editor.admin())) {
            throw new ProblemException(Problem.of(ProblemType.FORBIDDEN, group.shared()
                    ? "group '" + group.name() + "' is shared; only admins change it"
                    : "group '" + group.name() + "' belongs to another principal"));
        }
    }

    private static ProblemException taken(String name) {
        return new ProblemException(Problem.of(ProblemType.CONFLICT, "name: group '" + name + "' exists").withField("name"));
    }

    private static String name(String raw) {
        try {
            return SubjectKey.groupName(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("name", e.getMessage());
        }
    }

    /** A name from a path: one that cannot be a group is no group (404), like any unknown name. */
    private static String pathName(String raw) {
        try {
            return SubjectKey.groupName(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no group '" + (raw != null && raw.length() > 70 ? raw.substring(0, 70) + "…" : raw) + "'");
        }
    }

    private static SubjectKind memberKind(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.invalid("memberKind", "is required: COUNTRY or INSTITUTION");
        }
        SubjectKind kind;
        try {
            kind = SubjectKind.parse(raw);
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        if (kind == null || !Group.memberKind(kind)) {
            throw ProblemException.invalid("memberKind", "must be COUNTRY or INSTITUTION");
        }
        return kind;
    }

    /**
     * The members as figures key them, sorted and distinct: countries by code; institutions by canonical id, a
     * name an alias names by its institution's id, any other name by its name key, and each must be a known
     * holder (a canonical institution, or the holder of a filed patent). Every refused member is named.
     */
    private List<String> members(SubjectKind kind, List<String> raw) throws SQLException {
        if (raw == null || raw.isEmpty() || raw.size() > Group.MAX_MEMBERS) {
            throw ProblemException.invalid("members", "must list 1.." + Group.MAX_MEMBERS + " members");
        }
        var errors = new ArrayList<FieldError>();
        var keys = new ArrayList<String>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            try {
                if (raw.get(i) == null) {
                    throw new IllegalArgumentException("is required");
                }
                keys.add(SubjectKey.normalise(kind, raw.get(i)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("members[" + i + "]", e.getMessage()));
                keys.add(null);
            }
        }
        if (kind == SubjectKind.INSTITUTION && errors.isEmpty()) {
            InstitutionResolver resolver = institutions.load();
            Set<String> asGiven = store.knownHolders(keys);
            for (int i = 0; i < keys.size(); i++) {
                if (!asGiven.contains(keys.get(i))) {
                    keys.set(i, resolver.resolve(keys.get(i)));
                }
            }
            Set<String> known = store.knownHolders(keys);
            for (int i = 0; i < keys.size(); i++) {
                if (!known.contains(keys.get(i))) {
                    errors.add(new FieldError("members[" + i + "]", "no institution or holder '" + keys.get(i)
                            + "' is known; use a canonical id (GET /institutions) or a holder's name as figures take it"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(errors.size() == 1 ? Problem.invalid(errors.get(0).field(), errors.get(0).reason())
                    : Problem.invalid(errors));
        }
        return List.copyOf(new TreeSet<>(keys));
    }
}
