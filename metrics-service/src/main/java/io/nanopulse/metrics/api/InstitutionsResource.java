package io.nanopulse.metrics.api;

import io.nanopulse.contracts.EventValidator;
import io.nanopulse.contracts.api.PageRequest;
import io.nanopulse.contracts.api.SubjectKey;
import io.nanopulse.contracts.api.metrics.Institution;
import io.nanopulse.contracts.api.metrics.InstitutionChange;
import io.nanopulse.contracts.api.metrics.InstitutionPage;
import io.nanopulse.contracts.api.metrics.NewAlias;
import io.nanopulse.contracts.api.metrics.NewInstitution;
import io.nanopulse.contracts.api.metrics.NormalisedName;
import io.nanopulse.contracts.api.metrics.Reassigned;
import io.nanopulse.contracts.problem.ProblemException;
import io.nanopulse.contracts.trust.RequiresRole;
import io.nanopulse.metrics.application.InstitutionAdmin;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.sql.SQLException;

/** Canonical institutions and aliases; every change moves the patents to their holders at once. */
@Path("/institutions")
@Produces(MediaType.APPLICATION_JSON)
public class InstitutionsResource {
    static final int MAX_PAGE_SIZE = 500;

    @Inject
    InstitutionAdmin institutions;

    @GET
    public InstitutionPage list(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest p = PageRequest.of(page, size, MAX_PAGE_SIZE);
        return new InstitutionPage(institutions.list(p.page(), p.size()), p.page(), p.size(), institutions.count());
    }

    @GET
    @Path("/{id}")
    public Institution get(@PathParam("id") String id) {
        return institutions.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole("admin")
    public Response create(NewInstitution body) throws SQLException {
        if (body == null) throw ProblemException.invalid("body", "is required");
        InstitutionChange change = institutions.create(body.id(), body.displayName(), body.country(), body.aliases());
        return Response.created(URI.create("/institutions/" + change.institution().id())).entity(change).build();
    }

    @POST
    @Path("/{id}/aliases")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole("admin")
    public InstitutionChange addAlias(@PathParam("id") String id, NewAlias body) throws SQLException {
        if (body == null) throw ProblemException.invalid("pattern", "is required");
        return institutions.addAlias(id, body.pattern());
    }

    @DELETE
    @Path("/{id}/aliases/{aliasId}")
    @RequiresRole("admin")
    public InstitutionChange removeAlias(@PathParam("id") String id, @PathParam("aliasId") long aliasId) throws SQLException {
        return institutions.removeAlias(id, aliasId);
    }

    @DELETE
    @Path("/{id}")
    @RequiresRole("admin")
    public Reassigned delete(@PathParam("id") String id) throws SQLException {
        return new Reassigned(institutions.delete(id));
    }

    /** The key form a raw name compares in, for checking an alias before adding it. */
    @GET
    @Path("/normalise")
    public NormalisedName normalise(@QueryParam("name") String name) {
        if (name == null || name.isBlank() || name.length() > EventValidator.MAX_TEXT) {
            throw ProblemException.invalid("name", "1 to " + EventValidator.MAX_TEXT + " characters");
        }
        return new NormalisedName(name, SubjectKey.nameKey(name));
    }
}
