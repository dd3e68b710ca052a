package io.nanopulse.metrics.api;

import io.nanopulse.contracts.EventValidator;
import io.nanopulse.contracts.api.SubjectKey;
import io.nanopulse.contracts.api.metrics.Institution;
import io.nanopulse.contracts.api.metrics.InstitutionChange;
import io.nanopulse.contracts.api.metrics.InstitutionPage;
import io.nanopulse.contracts.api.metrics.NewAlias;
import io.nanopulse.contracts.api.metrics.NewInstitution;
import io.nanopulse.contracts.api.metrics.NormalisedName;
import io.nanopulse.contracts.api.metrics.Reassigned;
import io.nanopulse.contracts.problem.ProblemException;
import io.nanopulse.metrics.application.InstitutionAdmin;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
    @Inject
    InstitutionAdmin institutions;

    @GET
    public InstitutionPage list(@QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0) throw ProblemException.invalid("page", "must be 0 or more");
        if (size < 1 || size > 500) throw ProblemException.invalid("size", "must be between 1 and 500");
        return new InstitutionPage(institutions.list(page, size), page, size, institutions.count());
    }

    @GET
    @Path("/{id}")
    public Institution get(@PathParam("id") String id) {
        return institutions.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewInstitution body) throws SQLException {
        if (body == null) throw ProblemException.invalid("body", "is required");
        InstitutionChange change = institutions.create(body.id(), body.displayName(), body.country(), body.aliases());
        return Response.created(URI.create("/institutions/" + change.institution().id())).entity(change).build();
    }

    @POST
    @Path("/{id}/aliases")
    @Consumes(MediaType.APPLICATION_JSON)
    public InstitutionChange addAlias(@PathParam("id") String id, NewAlias body) throws SQLException {
        if (body == null) throw ProblemException.invalid("pattern", "is required");
        return institutions.addAlias(id, body.pattern());
    }

    @DELETE
    @Path("/{id}/aliases/{aliasId}")
    public InstitutionChange removeAlias(@PathParam("id") String id, @PathParam("aliasId") long aliasId) throws SQLException {
        return institutions.removeAlias(id, aliasId);
    }

    @DELETE
    @Path("/{id}")
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
