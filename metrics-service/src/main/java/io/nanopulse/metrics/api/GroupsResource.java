package io.nanopulse.metrics.api;

import io.nanopulse.contracts.api.PageRequest;
import io.nanopulse.contracts.api.metrics.Group;
import io.nanopulse.contracts.api.metrics.GroupPage;
import io.nanopulse.contracts.api.metrics.GroupRequest;
import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemException;
import io.nanopulse.contracts.problem.ProblemType;
import io.nanopulse.contracts.trust.ForwardedIdentity;
import io.nanopulse.metrics.application.GroupAdmin;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.sql.SQLException;

/**
 * Groups of countries or institutions (subjects of kind GROUP). A caller sees the shared groups and its own (an
 * admin all; any other is a 404); a caller with the role {@code alerts} changes its own, one with {@code admin}
 * creates shared ones and changes any.
 */
@Path("/groups")
@Produces(MediaType.APPLICATION_JSON)
public class GroupsResource {
    static final int MAX_PAGE_SIZE = 200;
    static final String ALERTS = "alerts";
    static final String ADMIN = "admin";

    @Inject
    GroupAdmin groups;
    @Context
    ContainerRequestContext request;

    @GET
    public GroupPage list(@QueryParam("page") String page, @QueryParam("size") String size) throws SQLException {
        PageRequest p = PageRequest.of(page, size, MAX_PAGE_SIZE);
        ForwardedIdentity caller = caller();
        GroupAdmin.Viewer viewer = viewer(request);
        return new GroupPage(groups.list(viewer, p.page(), p.size()).stream().map(g -> view(g, caller)).toList(),
                p.page(), p.size(), groups.count(viewer));
    }

    @GET
    @Path("/{name}")
    public Group get(@PathParam("name") String name) throws SQLException {
        return view(groups.get(viewer(request), name), caller());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(GroupRequest body) throws SQLException {
        GroupAdmin.Editor editor = editor();
        if (body == null) throw ProblemException.invalid("body", "is required");
        Group created = view(groups.create(editor, body.name(), body.memberKind(), body.members(), body.shared()), caller());
        return Response.created(URI.create("/groups/" + created.name())).entity(created).build();
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Group update(@PathParam("name") String name, GroupRequest body) throws SQLException {
        GroupAdmin.Editor editor = editor();
        if (body == null) throw ProblemException.invalid("body", "is required");
        return view(groups.update(editor, name, body.name(), body.memberKind(), body.members(), body.shared()), caller());
    }

    @DELETE
    @Path("/{name}")
    public Response delete(@PathParam("name") String name) throws SQLException {
        groups.delete(editor(), name);
        return Response.noContent().build();
    }

    private ForwardedIdentity caller() {
        return (ForwardedIdentity) request.getProperty(ForwardedIdentity.class.getName());
    }

    /** The caller as a reader of groups. */
    static GroupAdmin.Viewer viewer(ContainerRequestContext request) {
        ForwardedIdentity caller = (ForwardedIdentity) request.getProperty(ForwardedIdentity.class.getName());
        return new GroupAdmin.Viewer(caller.principal(), caller.hasRole(ADMIN));
    }

    /** The caller as an editor of groups: it needs the role alerts or admin (403 otherwise). */
    private GroupAdmin.Editor editor() {
        ForwardedIdentity caller = caller();
        boolean admin = caller.hasRole(ADMIN);
        if (!admin && !caller.hasRole(ALERTS)) {
            throw new ProblemException(Problem.of(ProblemType.FORBIDDEN, "changing groups needs the role alerts or admin"));
        }
        return new GroupAdmin.Editor(caller.principal(), admin);
    }

    /** A group as {@code caller} sees it: the owner is shown to that owner and to admins only. */
    static Group view(io.nanopulse.metrics.domain.Group g, ForwardedIdentity caller) {
        boolean showOwner = g.owner() != null && (caller.hasRole(ADMIN) || g.owner().equals(caller.principal()));
        return new Group(g.name(), g.memberKind(), g.members(), g.shared(), showOwner ? g.owner() : null,
                g.createdAt(), g.updatedAt());
    }
}
